/**
 * GET /api/v1/severed_relationships — what domain blocks cut from the caller's follows
 * (Mastodon 4.3's RelationshipSeveranceEvents), newest first. The per-event lists of accounts
 * are CSV downloads on the web, as Mastodon's: /severed_relationships/:id/following.csv and
 * followers.csv.
 */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { caller } from "../../../lib/mastodon/account-api.ts";
import { severedRelationshipsOf } from "../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:follows");
    return json(await severedRelationshipsOf(deps.sql, me.account.id));
  },
});
