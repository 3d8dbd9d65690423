/** PATCH /api/v1/accounts/update_credentials — profile and posting defaults (often multipart). */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { refuseOversizeBody } from "../../../../lib/mastodon/media-api.ts";
import {
  caller,
  credentialAccountResponse,
} from "../../../../lib/mastodon/account-api.ts";
import {
  PROFILE_BODY_LIMIT,
  profileUpdateFrom,
} from "../../../../lib/mastodon/profile-params.ts";
import { updateProfile } from "../../../../lib/domain/profiles.ts";

export const handler = define.handlers({
  async PATCH(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:accounts");
    refuseOversizeBody(ctx.req, PROFILE_BODY_LIMIT);
    const params = await Params.from(ctx.req, ctx.url);
    const updated = await updateProfile(deps, me, {
      ...await profileUpdateFrom(deps, params),
      privacy: params.string("source", "privacy"),
      sensitive: params.boolean("source", "sensitive"),
      language: params.string("source", "language"),
    });
    return await credentialAccountResponse(deps, updated);
  },
});
