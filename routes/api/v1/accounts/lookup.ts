/** GET /api/v1/accounts/lookup?acct=user[@domain] — a known account by its address. */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { accountJson } from "../../../../lib/mastodon/entities/account.ts";
import { lookupAccount } from "../../../../lib/domain/profiles.ts";
import { accountWithMoved } from "../../../../lib/mastodon/account-api.ts";
import { emojisOfAccount } from "../../../../lib/emoji/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const acct = (await Params.from(ctx.req, ctx.url)).string("acct") ?? "";
    const account = await lookupAccount(deps.sql, acct, deps.config.host);
    const emojis = await emojisOfAccount(
      deps.sql,
      (key) => deps.media.url(key),
      account,
    );
    return json(
      await accountWithMoved(
        deps,
        account,
        accountJson(account, deps.config.origin, undefined, emojis),
      ),
    );
  },
});
