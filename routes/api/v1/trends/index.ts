/** GET /api/v1/trends — the old name of /api/v1/trends/tags (Mastodon keeps it). */
export { handler } from "./tags.ts";
