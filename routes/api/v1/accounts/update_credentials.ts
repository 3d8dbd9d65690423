/** PATCH /api/v1/accounts/update_credentials — profile and posting defaults (often multipart). */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { ApiError, json } from "../../../../lib/mastodon/errors.ts";
import { caller } from "../../../../lib/mastodon/account-api.ts";
import { credentialAccountJson } from "../../../../lib/mastodon/entities/account.ts";
import {
  type ProfileUpdate,
  updateProfile,
} from "../../../../lib/domain/profiles.ts";
import { pendingFollowRequestCount } from "../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async PATCH(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:accounts");
    const params = await Params.from(ctx.req, ctx.url);
    if (params.file("avatar") || params.file("header")) {
      // There is no media storage yet; saying so beats pretending the picture was saved.
      throw new ApiError(
        422,
        "Validation failed: Avatar and header uploads are not supported yet",
      );
    }
    const changes: ProfileUpdate = {
      displayName: params.string("display_name"),
      note: params.string("note"),
      locked: params.boolean("locked"),
      bot: params.boolean("bot"),
      discoverable: params.boolean("discoverable"),
      indexable: params.boolean("indexable"),
      privacy: params.string("source", "privacy"),
      sensitive: params.boolean("source", "sensitive"),
      language: params.string("source", "language"),
    };
    const fields = params.records("fields_attributes");
    if (params.has("fields_attributes") || fields.length) {
      changes.fields = fields;
    }
    const updated = await updateProfile(deps, me, changes);
    const pending = await pendingFollowRequestCount(deps, me.account.id);
    return json(
      credentialAccountJson(
        updated.account,
        updated.user,
        deps.config.origin,
        pending,
      ),
    );
  },
});
