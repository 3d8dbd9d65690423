/**
 * Images on a new post from the web UI: with JavaScript through the compose box's picker
 * (preview, alt text, focal point by a click, upload, post; the text kept as a draft across a
 * reload until posted), without it as a multipart form to `/compose` (alt text and focal
 * point fields beside each file), where a file
 * that is not an image refuses the whole post, stores nothing and keeps the text typed.
 */
import assert from "node:assert/strict";
import sharp from "sharp";
import { options, signIn, watchProblems, withBrowser } from "./harness.ts";
import { PASSWORD, seed } from "./seed.ts";
import { FormClient } from "../helpers/forms.ts";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";

const tinyPng = () =>
  sharp({
    create: {
      width: 12,
      height: 8,
      channels: 3,
      background: { r: 200, g: 60, b: 40 },
    },
  }).png().toBuffer();

async function countRows(
  instance: TestInstance,
  username: string,
): Promise<{ statuses: number; media: number }> {
  const [row] = await instance.deps.sql<
    { statuses: number; media: number }[]
  >`
    SELECT (SELECT count(*)::int FROM statuses s WHERE s.account_id = a.id) AS statuses,
           (SELECT count(*)::int FROM media_attachments m WHERE m.account_id = a.id) AS media
    FROM accounts a WHERE a.username = ${username} AND a.domain IS NULL`;
  return row;
}

async function focusOf(
  instance: TestInstance,
  description: string,
): Promise<unknown> {
  const [row] = await instance.deps.sql<{ focus: unknown }[]>`
    SELECT meta->'focus' AS focus FROM media_attachments
    WHERE description = ${description}`;
  return row?.focus;
}

Deno.test(
  "web UI: attach an image with alt text from the compose box and post it",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      const context = await browser.newContext({ baseURL: instance.origin });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signIn(page, "alice");
      await page.waitForFunction(() =>
        document.querySelector("script[src*='island-ComposeBox']") !== null
      );
      const picker = page.getByRole("button", { name: "Add images" });
      await picker.waitFor();
      const box = page.getByLabel("What's on your mind?");

      // A draft survives a reload.
      await box.fill("Draft: tomatoes, maybe");
      await page.reload();
      await page.getByText("Your unsent draft is back.").waitFor();
      assert.equal(await box.inputValue(), "Draft: tomatoes, maybe");

      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        picker.click(),
      ]);
      await chooser.setFiles({
        name: "tomatoes.png",
        mimeType: "image/png",
        buffer: await tinyPng(),
      });
      // The preview comes from the browser itself (a blob: URL the CSP allows).
      const preview = page.locator(".compose-attachments img");
      await preview.waitFor();
      assert.match((await preview.getAttribute("src"))!, /^blob:/);
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>(
          ".compose-attachments img",
        );
        return img !== null && img.complete && img.naturalWidth === 12;
      });

      const alt = "Three red tomatoes on a wooden table";
      await page.getByLabel("Alt text for image 1").fill(alt);
      // The focal point: a click on the upper right quarter sets both fields.
      const focal = page.getByRole("button", {
        name: "Set the focal point of image 1",
      });
      const area = (await focal.boundingBox())!;
      await focal.click({
        position: { x: area.width * 0.75, y: area.height * 0.25 },
      });
      for (const axis of ["Across", "Up"]) {
        // Half way to the edge, give or take a pixel of a small preview.
        const value = Number(await page.getByLabel(axis).inputValue());
        assert.ok(Math.abs(value - 0.5) <= 0.05, `${axis}: ${value}`);
      }
      await page.getByLabel("Across").fill("0.5");
      await page.getByLabel("Up").fill("-0.25");
      await box.fill("From the garden");
      await page.getByRole("button", { name: "Post", exact: true }).click();

      const posted = page.locator(".new-statuses article", {
        hasText: "From the garden",
      });
      await posted.locator(`img[alt="${alt}"]`).waitFor();
      assert.equal(
        await page.locator(".compose-attachments img").count(),
        0,
        "the compose box lets go of the posted image",
      );

      // The server-rendered home shows it the same way.
      await page.goto("/home");
      const card = page.locator("article", { hasText: "From the garden" })
        .first();
      await card.locator(`img[alt="${alt}"]`).waitFor();
      assert.deepEqual(await countRows(instance, "alice"), {
        statuses: 3,
        media: 1,
      });
      assert.deepEqual(await focusOf(instance, alt), { x: 0.5, y: -0.25 });
      // Posting let go of the draft.
      assert.equal(await box.inputValue(), "");
      assert.equal(
        await page.getByText("Your unsent draft is back.").count(),
        0,
      );
      assert.deepEqual(problems, []);
      await context.close();
    });
  },
);

Deno.test(
  "web UI: the compose form without JavaScript posts images as multipart, and refuses a bad file whole",
  { sanitizeOps: false, sanitizeResources: false },
  async () => {
    const instance = await startTestInstance();
    try {
      await seed(instance.deps);
      const client = new FormClient(instance.origin);
      const signInPage = await client.page("/auth/sign_in");
      const signedIn = await client.post("/auth/sign_in", {
        _csrf: signInPage.csrf,
        login: "bob",
        password: PASSWORD,
      });
      assert.equal(signedIn.status, 303);
      const home = await client.page("/home");
      assert.match(home.html, /enctype="multipart\/form-data"/);
      assert.match(home.html, /name="media"/);
      const before = await countRows(instance, "bob");

      const form = (files: [Blob, string, string][]) => {
        const body = new FormData();
        body.set("_csrf", home.csrf);
        body.set("return_to", "/home");
        body.set("status", "Two loaves & a map");
        body.set("visibility", "unlisted");
        for (const [blob, name, description] of files) {
          body.append("media", blob, name);
          body.append("media_description", description);
          body.append("media_focus_x", name === "loaves.png" ? "-0.4" : "");
          body.append("media_focus_y", name === "loaves.png" ? "0.6" : "");
        }
        return body;
      };
      const post = (body: FormData) =>
        client.request("/compose", {
          method: "POST",
          headers: { origin: instance.origin },
          body,
        });
      const png = new Blob([new Uint8Array(await tinyPng())], {
        type: "image/png",
      });

      // A good image and a text file: refused as a whole, the message and the text on the page.
      const refused = await post(form([
        [png, "loaves.png", "Two loaves cooling"],
        [new Blob(["just words"], { type: "text/plain" }), "notes.txt", ""],
      ]));
      assert.equal(refused.status, 422);
      const html = await refused.text();
      assert.match(html, /role="alert"/);
      assert.match(html, /notes\.txt.{0,40}can(&#39;|')t be attached/);
      assert.match(html, /File type is not supported/);
      assert.match(html, />Two loaves &amp; a map<\/textarea>/);
      assert.match(html, /<option value="unlisted" selected/);
      assert.deepEqual(
        await countRows(instance, "bob"),
        before,
        "no post and no upload stored",
      );

      // An empty file input (a slot left unused) is skipped; the image is attached with its alt.
      const created = await post(form([
        [png, "loaves.png", "Two loaves cooling on a rack"],
        [new Blob([], { type: "application/octet-stream" }), "", ""],
      ]));
      assert.equal(created.status, 303);
      assert.equal(created.headers.get("location"), "/home");
      const after = await client.page("/home");
      assert.match(after.html, /alt="Two loaves cooling on a rack"/);
      assert.deepEqual(
        await focusOf(instance, "Two loaves cooling on a rack"),
        { x: -0.4, y: 0.6 },
      );
      assert.deepEqual(await countRows(instance, "bob"), {
        statuses: before.statuses + 1,
        media: before.media + 1,
      });
    } finally {
      await instance.close();
    }
  },
);

Deno.test(
  "web UI: images posted through the compose form count against the media upload limit",
  { sanitizeOps: false, sanitizeResources: false },
  async () => {
    const instance = await startTestInstance();
    try {
      await seed(instance.deps);
      const client = new FormClient(instance.origin);
      // From loopback, the trusted proxy by default: the forwarded address is metered.
      const headers = {
        origin: instance.origin,
        "x-forwarded-for": "203.0.113.9",
      };
      const signInPage = await client.page("/auth/sign_in");
      await client.request("/auth/sign_in", {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          _csrf: signInPage.csrf,
          login: "carol",
          password: PASSWORD,
        }),
      });
      const { csrf } = await client.page("/home");
      const png = new Blob([new Uint8Array(await tinyPng())], {
        type: "image/png",
      });
      const post = async (text: string) => {
        const body = new FormData();
        body.set("_csrf", csrf);
        body.set("status", text);
        for (let i = 0; i < 4; i++) {
          body.append("media", png, `photo-${i}.png`);
          body.append("media_description", `Photo ${i}`);
        }
        return await client.request("/compose", {
          method: "POST",
          headers,
          body,
        });
      };
      // 30 uploads per half hour: seven posts of four images fit, the eighth does not.
      for (let i = 1; i <= 7; i++) {
        const response = await post(`Album page ${i}`);
        await response.body?.cancel();
        assert.equal(response.status, 303, `post ${i}`);
      }
      const before = await countRows(instance, "carol");
      const refused = await post("Album page 8");
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get("retry-after")) > 0);
      const html = await refused.text();
      assert.match(html, /uploaded many images/);
      assert.match(html, />Album page 8<\/textarea>/);
      assert.deepEqual(await countRows(instance, "carol"), before);
    } finally {
      await instance.close();
    }
  },
);
