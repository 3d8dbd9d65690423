/**
 * GET /api/v1/annual_reports — the caller's generated annual reports ("Wrapstodon", Mastodon
 * 4.3). Starling generates none, so the list is empty, as Mastodon's is for an account without
 * one (its `/:year` paths answer 404 then, as Starling's unknown paths do).
 */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    await requireCaller(ctx.state.deps, ctx.req, "read:accounts");
    return json({ annual_reports: [], accounts: [], statuses: [] });
  },
});
