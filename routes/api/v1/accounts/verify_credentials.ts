/** GET /api/v1/accounts/verify_credentials — the caller's own account, with `source`. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { caller } from "../../../../lib/mastodon/account-api.ts";
import { credentialAccountJson } from "../../../../lib/mastodon/entities/account.ts";
import { pendingFollowRequestCount } from "../../../../lib/domain/relationships.ts";
import { roleOf } from "../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:accounts", "profile");
    const pending = await pendingFollowRequestCount(deps, me.account.id);
    return json(
      credentialAccountJson(
        me.account,
        me.user,
        deps.config.origin,
        pending,
        await roleOf(deps.sql, me.user),
      ),
    );
  },
});
