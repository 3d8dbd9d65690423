/** The archive tests' steps on /settings/archive, as a browser takes them (no JavaScript). */
import assert from "node:assert/strict";
import type { TestInstance } from "../helpers/app.ts";
import { FormClient } from "../helpers/forms.ts";
import { eventually } from "../federation/helpers.ts";

export async function signedIn(instance: TestInstance, username: string) {
  const web = new FormClient(instance.origin);
  const { csrf } = await web.page("/auth/sign_in");
  const res = await web.post("/auth/sign_in", {
    _csrf: csrf,
    return_to: "/home",
    login: username,
    password: "a good password",
  });
  assert.equal(res.status, 303);
  await res.body?.cancel();
  return web;
}

/** Uploads `zip` on the archive page; returns the page once the dry run is shown. */
export async function uploadArchive(web: FormClient, zip: Uint8Array) {
  const { csrf } = await web.page("/settings/archive");
  const form = new FormData();
  form.set("_csrf", csrf);
  form.set("intent", "import");
  form.set(
    "archive",
    new File([zip as Uint8Array<ArrayBuffer>], "archive.zip", {
      type: "application/zip",
    }),
  );
  const res = await web.request("/settings/archive", {
    method: "POST",
    headers: { origin: web.origin },
    body: form,
  });
  assert.equal(res.status, 303);
  await res.body?.cancel();
  return await eventually("the dry run", async () => {
    const { html } = await web.page("/settings/archive");
    return html.includes("What will be imported") ? html : null;
  });
}

export function count(html: string, label: string): number {
  const match = new RegExp(`<th scope="row">${label}</th><td>(\\d+)</td>`)
    .exec(html);
  assert.ok(match, `a count for ${label}`);
  return Number(match[1]);
}
