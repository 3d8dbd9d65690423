/** POST /api/v1/accounts/:id/pin — the name of `endorse` before Mastodon 4.4. */
export { handler } from "./endorse.ts";
