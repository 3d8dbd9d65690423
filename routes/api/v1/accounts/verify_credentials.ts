/** GET /api/v1/accounts/verify_credentials — the caller's own account, with `source`. */
import { define } from "../../../../utils.ts";
import {
  caller,
  credentialAccountResponse,
} from "../../../../lib/mastodon/account-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:accounts", "profile");
    return await credentialAccountResponse(deps, me);
  },
});
