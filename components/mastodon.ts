/**
 * The parts of Mastodon's JSON entities the web UI renders. Pages get them from the same entity
 * builders the API uses; islands get them from the API. Structural subsets, so the full entities
 * from lib/mastodon/entities are assignable to them. Browser-safe: no imports.
 */
export interface UiField {
  name: string;
  value: string;
  verified_at?: string | null;
}

export interface UiAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  locked: boolean;
  bot: boolean;
  note: string;
  url: string;
  avatar: string;
  header: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  created_at: string;
  fields: UiField[];
  /** Highlighted roles, shown as badges (Moderator, Admin…). */
  roles?: { id: string; name: string; color: string }[];
}

export interface UiMedia {
  id: string;
  type: string;
  url: string | null;
  preview_url: string | null;
  description: string | null;
  meta?: { small?: { width?: number; height?: number } } | null;
}

export interface UiTag {
  name: string;
  url: string;
}

export interface UiMention {
  id: string;
  username: string;
  acct: string;
  url: string;
}

export interface UiStatus {
  id: string;
  uri: string;
  url: string | null;
  created_at: string;
  edited_at?: string | null;
  account: UiAccount;
  content: string;
  spoiler_text: string;
  sensitive: boolean;
  /** ISO 639 code of the content, when known: the card sets `lang` from it. */
  language?: string | null;
  visibility: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  reblog: UiStatus | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  favourited?: boolean;
  reblogged?: boolean;
  bookmarked?: boolean;
  media_attachments: UiMedia[];
  mentions: UiMention[];
  tags: UiTag[];
}

export interface UiRelationship {
  id: string;
  following: boolean;
  followed_by: boolean;
  requested: boolean;
  blocking?: boolean;
  blocked_by?: boolean;
  muting?: boolean;
}

export interface UiNotification {
  id: string;
  type: string;
  created_at: string;
  account: UiAccount;
  status?: UiStatus | null;
  /** For `admin.report`: the report (moderators only). */
  report?: { id: string } | null;
}

export type Visibility = "public" | "unlisted" | "private" | "direct";

/** The page-wide facts islands need in the browser (from `<meta>` tags set by `_app`). */
export function pageMeta(name: string): string {
  if (typeof document === "undefined") return "";
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)
    ?.content ?? "";
}
