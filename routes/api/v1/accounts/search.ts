/** GET /api/v1/accounts/search?q= — known accounts by username, address or display name. */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { caller } from "../../../../lib/mastodon/account-api.ts";
import { renderAccounts } from "../../../../lib/mastodon/entities/account.ts";
import { searchAccounts } from "../../../../lib/domain/profiles.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:accounts");
    const params = await Params.from(ctx.req, ctx.url);
    const limit = Math.min(Math.max(params.integer("limit") ?? 40, 1), 80);
    const accounts = await searchAccounts(deps.sql, {
      q: params.string("q") ?? "",
      limit,
      offset: Math.max(params.integer("offset") ?? 0, 0),
      localHost: deps.config.host,
      followedBy: params.boolean("following") ? me.account.id : undefined,
    });
    return json(
      await renderAccounts({
        sql: deps.sql,
        origin: deps.config.origin,
        mediaUrl: (key) => deps.media.url(key),
      }, accounts),
    );
  },
});
