/**
 * The parts of Mastodon's entities the web UI renders, picked from the API's own entity types
 * (lib/mastodon/entities/types.ts), so the full entities are assignable to them: pages get them
 * from the same renderers the API uses, islands from the API. Browser-safe: type imports only.
 */
import type {
  Account,
  Field,
  MediaAttachment,
  Notification,
  Poll,
  Relationship,
  RelationshipSeveranceEvent,
  Report,
  Status,
  StatusMention,
  StatusTag,
} from "../lib/mastodon/entities/types.ts";

export type UiField = Field;

export type UiAccount =
  & Pick<
    Account,
    | "id"
    | "username"
    | "acct"
    | "display_name"
    | "locked"
    | "bot"
    | "note"
    | "url"
    | "avatar"
    | "header"
    | "followers_count"
    | "following_count"
    | "statuses_count"
    | "created_at"
    | "fields"
  >
  /** Highlighted roles, shown as badges (Moderator, Admin…). */
  & Partial<Pick<Account, "roles">>
  /** The custom emoji its name, bio and fields show. */
  & Partial<Pick<Account, "emojis">>;

export type UiMedia = Pick<
  MediaAttachment,
  "id" | "type" | "url" | "preview_url" | "description" | "meta"
>;

export type UiTag = StatusTag;

export type UiPoll = Poll;

export type UiMention = StatusMention;

export interface UiStatus extends
  Pick<
    Status,
    | "id"
    | "uri"
    | "url"
    | "created_at"
    | "edited_at"
    | "content"
    | "spoiler_text"
    | "sensitive"
    | "language"
    | "visibility"
    | "in_reply_to_id"
    | "in_reply_to_account_id"
    | "replies_count"
    | "reblogs_count"
    | "favourites_count"
    | "favourited"
    | "reblogged"
    | "bookmarked"
    | "mentions"
    | "tags"
    | "poll"
    | "pinned"
    | "muted"
    | "filtered"
  >,
  Partial<Pick<Status, "emojis">> {
  account: UiAccount;
  reblog: UiStatus | null;
  media_attachments: UiMedia[];
}

/** Pages that only know whether the viewer follows leave the block and mute flags out. */
export type UiRelationship =
  & Pick<Relationship, "id" | "following" | "followed_by" | "requested">
  & Partial<Pick<Relationship, "blocking" | "blocked_by" | "muting">>;

export interface UiNotification
  extends Pick<Notification, "id" | "type" | "created_at"> {
  account: UiAccount;
  status?: UiStatus | null;
  /** For `admin.report`: the report (moderators only). */
  report?: Pick<Report, "id"> | null;
  /** For `move`: the account the sender moved to. */
  target?: UiAccount | null;
  /** For `severed_relationships`: what was cut (its lists are at /severed_relationships). */
  event?: Pick<RelationshipSeveranceEvent, "id" | "target_name">;
}

export type { Visibility } from "../lib/mastodon/entities/types.ts";

/** The page-wide facts islands need in the browser (from `<meta>` tags set by `_app`). */
export function pageMeta(name: string): string {
  if (typeof document === "undefined") return "";
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)
    ?.content ?? "";
}
