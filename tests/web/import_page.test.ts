/**
 * The import page without JavaScript: choose a type, upload a CSV file, and follow the import
 * to its end with the refresh button, the row that failed shown with why.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { options, signedInWithoutJs, withBrowser } from "./harness.ts";
import { eventually } from "../federation/helpers.ts";

Deno.test(
  "web UI: upload a follows file on the import page and see its result",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      const host = new URL(instance.origin).host;
      const { context, page, problems } = await signedInWithoutJs(
        browser,
        instance,
        "bob",
        "/settings/import",
      );
      await page.getByLabel("Import type").selectOption({
        label: "Following list",
      });
      await page.getByRole("radio", { name: /Merge/ }).check();
      await page.getByLabel("CSV file").setInputFiles({
        name: "following_accounts.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          "Account address,Show boosts,Notify on new posts,Languages\n" +
            `alice@${host},true,false,\nghost@${host},true,false,\n`,
        ),
      });
      await page.getByRole("button", { name: "Upload" }).click();
      await page.waitForURL("**/settings/import");

      const result = page.getByRole("article", {
        name: "Import following_accounts.csv",
      });
      await eventually("the import finished", async () => {
        await page.getByRole("button", { name: "Refresh progress" }).click();
        await page.waitForLoadState();
        return (await result.textContent())?.includes("Finished");
      });
      assert.match(
        (await result.textContent()) ?? "",
        /2 of 2\s*rows processed, 1 failed/,
      );
      const failed = result.getByRole("row", { name: /ghost/ });
      assert.equal(
        await failed.getByRole("cell").last().textContent(),
        `ghost@${host} was not found`,
      );
      assert.deepEqual(problems, []);
      await context.close();
    });
  },
);
