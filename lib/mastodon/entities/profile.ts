/**
 * The Profile entity (Mastodon 4.6): the caller's own profile with the values they typed, and
 * null images when none was set (unlike Account, which falls back to the default pictures).
 */
import type { AccountRow } from "../../db/accounts.ts";
import { absolute, type AccountField } from "./account.ts";
import type { Profile } from "./types.ts";

export function profileJson(account: AccountRow, origin: string): Profile {
  const avatar = absolute(origin, account.avatar_url, null);
  const header = absolute(origin, account.header_url, null);
  return {
    id: account.id,
    display_name: account.display_name,
    note: account.note_source,
    fields: (account.fields as AccountField[]).map((field) => ({
      name: field.name,
      value: field.value_source ?? field.value,
      verified_at: field.verified_at ?? null,
    })),
    avatar,
    avatar_static: avatar,
    avatar_description: account.avatar_description,
    header,
    header_static: header,
    header_description: account.header_description,
    locked: account.locked,
    bot: account.bot,
    hide_collections: account.hide_collections,
    discoverable: account.discoverable,
    indexable: account.indexable,
    show_media: account.show_media,
    show_media_replies: account.show_media_replies,
    show_featured: account.show_featured,
    attribution_domains: account.attribution_domains,
  };
}
