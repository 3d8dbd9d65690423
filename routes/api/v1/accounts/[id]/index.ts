/** GET /api/v1/accounts/:id — any known account (no token needed), with its role badge. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import {
  accountWithMoved,
  pathAccount,
} from "../../../../../lib/mastodon/account-api.ts";
import { accountJson } from "../../../../../lib/mastodon/entities/account.ts";
import { roleOfAccount } from "../../../../../lib/moderation/mod.ts";
import { emojisOfAccount } from "../../../../../lib/emoji/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const account = await pathAccount(deps, ctx.params);
    const [role, emojis] = await Promise.all([
      roleOfAccount(deps.sql, account.id),
      emojisOfAccount(deps.sql, (key) => deps.media.url(key), account),
    ]);
    return json(
      await accountWithMoved(
        deps,
        account,
        accountJson(account, deps.config.origin, role, emojis),
      ),
    );
  },
});
