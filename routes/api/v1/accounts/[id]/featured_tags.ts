/** GET /api/v1/accounts/:id/featured_tags — the hashtags an account features, for anyone. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { pathAccount } from "../../../../../lib/mastodon/account-api.ts";
import { featuredTags } from "../../../../../lib/domain/tags.ts";
import { featuredTagJson } from "../../../../../lib/mastodon/entities/tag.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const account = await pathAccount(deps, ctx.params);
    const rows = await featuredTags(deps.sql, account.id);
    return json(rows.map((row) => featuredTagJson(row, deps.config.origin)));
  },
});
