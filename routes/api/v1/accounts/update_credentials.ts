/** PATCH /api/v1/accounts/update_credentials — profile and posting defaults (often multipart). */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import {
  mapMediaErrors,
  refuseOversizeBody,
  uploadedFile,
} from "../../../../lib/mastodon/media-api.ts";
import { storeProfileImage } from "../../../../lib/domain/media.ts";
import {
  caller,
  credentialAccountResponse,
} from "../../../../lib/mastodon/account-api.ts";
import {
  type ProfileUpdate,
  updateProfile,
} from "../../../../lib/domain/profiles.ts";

export const handler = define.handlers({
  async PATCH(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:accounts");
    refuseOversizeBody(ctx.req, 2 * 8 * 1048576);
    const params = await Params.from(ctx.req, ctx.url);
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
    // Avatar and header go through the media pipeline (checked, oriented, stripped, cropped).
    for (const kind of ["avatar", "header"] as const) {
      const file = await uploadedFile(params, kind);
      if (!file) continue;
      const url = await mapMediaErrors(() =>
        storeProfileImage(deps, kind, file.bytes, file.type)
      );
      if (kind === "avatar") changes.avatarUrl = url;
      else changes.headerUrl = url;
    }
    const fields = params.records("fields_attributes");
    if (params.has("fields_attributes") || fields.length) {
      changes.fields = fields;
    }
    const updated = await updateProfile(deps, me, changes);
    return await credentialAccountResponse(deps, updated);
  },
});
