/**
 * The profile parameters `PATCH /api/v1/accounts/update_credentials` and `PATCH /api/v1/profile`
 * share: text, flags, fields, images (through the media pipeline) and the Mastodon 4.4–4.6
 * settings.
 */
import type { Deps } from "../deps.ts";
import type { ProfileUpdate } from "../domain/profiles.ts";
import { storeProfileImage } from "../domain/media.ts";
import type { Params } from "./params.ts";
import { mapMediaErrors, uploadedFile } from "./media-api.ts";

/** Largest body a profile edit may send: an avatar and a header of 8 MB each. */
export const PROFILE_BODY_LIMIT = 2 * 8 * 1048576;

export async function profileUpdateFrom(
  deps: Deps,
  params: Params,
): Promise<ProfileUpdate> {
  const update: ProfileUpdate = {
    displayName: params.string("display_name"),
    note: params.string("note"),
    locked: params.boolean("locked"),
    bot: params.boolean("bot"),
    discoverable: params.boolean("discoverable"),
    indexable: params.boolean("indexable"),
    avatarDescription: params.string("avatar_description"),
    headerDescription: params.string("header_description"),
    showMedia: params.boolean("show_media"),
    showMediaReplies: params.boolean("show_media_replies"),
    showFeatured: params.boolean("show_featured"),
    hideCollections: params.boolean("hide_collections"),
    attributionDomains: params.has("attribution_domains")
      ? params.array("attribution_domains")
      : undefined,
  };
  // Avatar and header go through the media pipeline (checked, oriented, stripped, cropped).
  for (const kind of ["avatar", "header"] as const) {
    const file = await uploadedFile(params, kind);
    if (!file) continue;
    const url = await mapMediaErrors(() =>
      storeProfileImage(deps, kind, file.bytes, file.type)
    );
    if (kind === "avatar") update.avatarUrl = url;
    else update.headerUrl = url;
  }
  const fields = params.records("fields_attributes");
  if (params.has("fields_attributes") || fields.length) update.fields = fields;
  return update;
}
