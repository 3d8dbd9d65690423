/** DELETE /api/v1/profile/avatar — removes the caller's avatar (the default one shows again). */
import { define } from "../../../../utils.ts";
import {
  caller,
  credentialAccountResponse,
} from "../../../../lib/mastodon/account-api.ts";
import { updateProfile } from "../../../../lib/domain/profiles.ts";

export const handler = define.handlers({
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:accounts");
    const updated = await updateProfile(deps, me, { avatarUrl: null });
    return await credentialAccountResponse(deps, updated);
  },
});
