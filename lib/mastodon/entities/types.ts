/**
 * The Mastodon entities Starling renders, as Mastodon 4.5 defines them
 * (docs.joinmastodon.org/entities, and the OpenAPI document the API tests validate against):
 * every attribute typed, `| null` where Mastodon's is nullable, `?` where Mastodon leaves the
 * attribute out (e.g. the viewer's flags for an anonymous reader). The renderers in this folder
 * return these; the web UI's view types (components/mastodon.ts) are picked from them.
 * Types only, no imports: the browser bundles see them too.
 */

export type Visibility = "public" | "unlisted" | "private" | "direct";

export interface CustomEmoji {
  shortcode: string;
  url: string;
  static_url: string;
  visible_in_picker: boolean;
  category?: string | null;
}

export interface Field {
  name: string;
  value: string;
  verified_at: string | null;
}

export interface Role {
  id: string;
  name: string;
  permissions: string;
  color: string;
  highlighted: boolean;
}

export interface Account {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  locked: boolean;
  bot: boolean;
  discoverable: boolean | null;
  indexable: boolean;
  group: boolean;
  /** Midnight UTC of the day the account was made. */
  created_at: string;
  note: string;
  url: string;
  uri: string;
  avatar: string;
  avatar_static: string;
  header: string;
  header_static: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  /** A day (`YYYY-MM-DD`). */
  last_status_at: string | null;
  hide_collections: boolean | null;
  noindex: boolean | null;
  emojis: CustomEmoji[];
  roles: Pick<Role, "id" | "name" | "color">[];
  fields: Field[];
  /** Present (true) only for a suspended account. */
  suspended?: boolean;
  moved?: Account | null;
  limited?: boolean;
  memorial?: boolean | null;
}

export interface CredentialAccount extends Account {
  source: {
    /** The default visibility of new posts. */
    privacy: string;
    sensitive: boolean;
    language: string;
    note: string;
    fields: Field[];
    follow_requests_count: number;
    hide_collections: boolean;
    discoverable: boolean | null;
    indexable: boolean;
    /** Websites allowed to credit the account (Mastodon 4.4). */
    attribution_domains: string[];
  };
  role: Role;
}

/** The caller's own profile with source values (Mastodon 4.6, `/api/v1/profile`). */
export interface Profile {
  id: string;
  display_name: string;
  /** What the user typed, not HTML. */
  note: string;
  fields: Field[];
  avatar: string | null;
  avatar_static: string | null;
  avatar_description: string;
  header: string | null;
  header_static: string | null;
  header_description: string;
  locked: boolean;
  bot: boolean;
  hide_collections: boolean | null;
  discoverable: boolean | null;
  indexable: boolean;
  show_media: boolean;
  show_media_replies: boolean;
  show_featured: boolean;
  attribution_domains: string[];
}

/** `GET /api/v1/mutes` adds when each mute ends. */
export interface MutedAccount extends Account {
  mute_expires_at: string | null;
}

export interface Relationship {
  id: string;
  following: boolean;
  showing_reblogs: boolean;
  notifying: boolean;
  languages: string[] | null;
  followed_by: boolean;
  blocking: boolean;
  blocked_by: boolean;
  muting: boolean;
  muting_notifications: boolean;
  muting_expires_at: string | null;
  requested: boolean;
  requested_by: boolean;
  domain_blocking: boolean;
  endorsed: boolean;
  note: string;
}

/** The size of one rendition of an attachment (`meta.original`, `meta.small`). */
export interface MediaSize {
  width?: number;
  height?: number;
  size?: string;
  aspect?: number;
  frame_rate?: string;
  duration?: number;
  bitrate?: number;
}

export interface MediaMeta {
  original?: MediaSize;
  small?: MediaSize;
  focus?: { x: number; y: number };
  /** Audio and video: the length as `H:MM:SS.ss`. */
  length?: string;
  duration?: number;
  [key: string]: unknown;
}

export interface MediaAttachment {
  id: string;
  /** `image`, `gifv`, `video`, `audio` or `unknown`. */
  type: string;
  /** Null while the file is still being processed. */
  url: string | null;
  preview_url: string | null;
  remote_url: string | null;
  meta: MediaMeta;
  description: string | null;
  blurhash: string | null;
}

export interface PollOption {
  title: string;
  /** Null while the totals are hidden. */
  votes_count: number | null;
}

export interface Poll {
  id: string;
  expires_at: string | null;
  expired: boolean;
  multiple: boolean;
  votes_count: number;
  voters_count: number | null;
  options: PollOption[];
  emojis: CustomEmoji[];
  /** Only for a signed-in viewer. */
  voted?: boolean;
  own_votes?: number[];
}

/** A hashtag as a status carries it (`Status.tags`). */
export interface StatusTag {
  name: string;
  url: string;
}

export interface StatusMention {
  id: string;
  username: string;
  acct: string;
  url: string;
}

/** The app a local status was posted with (`Status.application`). */
export interface StatusApplication {
  name: string;
  website: string | null;
}

export interface PreviewCard {
  url: string;
  title: string;
  description: string;
  type: "link" | "photo" | "video" | "rich";
  author_name: string;
  author_url: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  image: string | null;
  image_description: string;
  embed_url: string;
  blurhash: string | null;
  published_at: string | null;
  /** Fediverse accounts credited as authors (Mastodon 4.3); Starling credits none. */
  authors: never[];
}

export interface FilterKeyword {
  id: string;
  keyword: string;
  whole_word: boolean;
}

export interface FilterStatus {
  id: string;
  status_id: string;
}

export interface Filter {
  id: string;
  title: string;
  /** Where it applies: `home`, `notifications`, `public`, `thread`, `account`. */
  context: string[];
  expires_at: string | null;
  /** `warn`, `hide` or `blur`. */
  filter_action: string;
  keywords: FilterKeyword[];
  statuses: FilterStatus[];
}

export interface FilterResult {
  filter: Filter;
  keyword_matches: string[] | null;
  status_matches: string[] | null;
}

export interface Status {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  sensitive: boolean;
  spoiler_text: string;
  visibility: Visibility;
  language: string | null;
  uri: string;
  url: string | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  quotes_count: number;
  edited_at: string | null;
  content: string;
  reblog: Status | null;
  application: StatusApplication | null;
  account: Account;
  media_attachments: MediaAttachment[];
  mentions: StatusMention[];
  tags: StatusTag[];
  emojis: CustomEmoji[];
  card: PreviewCard | null;
  poll: Poll | null;
  /** The source text: only in answers to its author (delete-and-redraft). */
  text?: string | null;
  /** The viewer's relation to the status: only for a signed-in viewer. */
  favourited?: boolean;
  reblogged?: boolean;
  muted?: boolean;
  bookmarked?: boolean;
  /** Only on the viewer's own statuses. */
  pinned?: boolean;
  /** Only where the viewer's filters of the context matched. */
  filtered?: FilterResult[];
}

export interface Notification {
  id: string;
  /** `mention`, `status`, `reblog`, `follow`, `follow_request`, `favourite`, `poll`, … */
  type: string;
  created_at: string;
  group_key: string;
  account: Account;
  /** For the types about a status. */
  status?: Status;
  /** For `admin.report`: the report a moderator is told about. */
  report?: Report;
  /** For `severed_relationships`: what a domain block cut (Mastodon 4.3). */
  event?: RelationshipSeveranceEvent;
  /** For `move`: the account the sender moved to. */
  target?: Account;
}

/** Mastodon's RelationshipSeveranceEvent: follows a moderation action cut, for one account. */
export interface RelationshipSeveranceEvent {
  id: string;
  type: "domain_block" | "user_domain_block" | "account_suspension";
  purged: boolean;
  target_name: string;
  followers_count: number;
  following_count: number;
  created_at: string;
}

/** A report about an account (`POST /api/v1/reports`, and in `admin.report` notifications). */
export interface Report {
  id: string;
  action_taken: boolean;
  action_taken_at: string | null;
  /** `spam`, `legal`, `violation` or `other`. */
  category: string;
  comment: string;
  forwarded: boolean;
  created_at: string;
  status_ids: string[] | null;
  rule_ids: string[] | null;
  target_account: Account;
}

/** Mastodon's ScheduledStatus: a post kept for later (`scheduled_at` on posting). */
export interface ScheduledStatus {
  id: string;
  scheduled_at: string;
  params: {
    text: string;
    spoiler_text: string | null;
    sensitive: boolean | null;
    visibility: string;
    /** A string id (the OpenAPI says integer; a 64-bit id doesn't survive as a JS number). */
    in_reply_to_id: string | null;
    language: string | null;
    media_ids: string[] | null;
    poll: {
      options: string[];
      expires_in: number;
      multiple: boolean;
      hide_totals: boolean;
    } | null;
    idempotency: string | null;
    /** Deprecated in Mastodon ("can be ignored"); an integer per its schema. */
    application_id: number;
    scheduled_at: string | null;
    with_rate_limit: boolean;
  };
  media_attachments: MediaAttachment[];
}
