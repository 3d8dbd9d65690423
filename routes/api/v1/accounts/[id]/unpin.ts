/** POST /api/v1/accounts/:id/unpin — the name of `unendorse` before Mastodon 4.4. */
export { handler } from "./unendorse.ts";
