/**
 * ActivityStreams → ours: remote Notes (and Questions, Articles, Pages) become status input for
 * `lib/domain/remote-statuses.ts`; actors are `from-ap-actors.ts`. Remote HTML goes through the
 * sanitiser last, and every URL that becomes a link or an image through `webUrl`; mentions,
 * hashtags and attachments stay structured. The other direction is `to-ap.ts`.
 */
import {
  Article,
  Audio,
  Document,
  type DocumentLoader,
  Emoji,
  Hashtag,
  Image,
  Link,
  Mention,
  Note,
  Page,
  PUBLIC_COLLECTION,
  Question,
  Video,
} from "@fedify/vocab";
import { sanitizeHtml } from "../text/sanitize.ts";
import { escapeHtml } from "../text/plain.ts";
import { webUrl } from "../text/web-url.ts";
import { mediaTermsOf } from "./media-document.ts";
import type { RemoteMediaRow } from "../db/media.ts";
import type { RemoteEmoji } from "../emoji/mod.ts";

/**
 * A remote post keeps at most this many hashtags and mentions: a peer sending thousands must
 * not make us write thousands of rows (Mastodon's own posts stay far below).
 */
export const MAX_REMOTE_TAGS = 50;
export const MAX_REMOTE_MENTIONS = 50;

/**
 * How many entries of a remote object's lists we look at. Entries given as links are fetched
 * one by one, so a Note listing thousands would cost thousands of requests.
 */
const MAX_TAG_ITEMS = 200;
export const MAX_LINKED_ITEMS = 20;

/** The first `n` items of an async iterable (stops fetching linked ones beyond them). */
export async function* first<T>(
  items: AsyncIterable<T>,
  n: number,
): AsyncIterable<T> {
  if (n <= 0) return;
  let i = 0;
  for await (const item of items) {
    yield item;
    if (++i >= n) return;
  }
}

/** Types we store as statuses. */
export type PostObject = Note | Article | Page | Question;

export function isPostObject(object: unknown): object is PostObject {
  return object instanceof Note || object instanceof Article ||
    object instanceof Page ||
    object instanceof Question;
}

/**
 * A remote plain-text value as we store it: NUL characters removed (Postgres text can't hold
 * them, and a delivery failing on one would be retried for days).
 */
export function plainText(value: { toString(): string } | null | undefined) {
  return (value?.toString() ?? "").replaceAll("\0", "");
}

export interface LoaderOptions {
  documentLoader?: DocumentLoader;
  contextLoader?: DocumentLoader;
}

/**
 * The web URL a peer's `url`, `icon` or attachment points at (given as a URL, a `Link`, or an
 * object with a `url`), or null when there is none or it is not `https:`/`http:`.
 */
export function linkHref(
  value: URL | Link | Image | Document | null | undefined,
): string | null {
  if (value == null) return null;
  if (value instanceof URL) return webUrl(value);
  if (value instanceof Link) return webUrl(value.href);
  const url = value.url;
  if (url instanceof URL) return webUrl(url);
  if (url instanceof Link) return webUrl(url.href);
  return null;
}

export type Visibility = "public" | "unlisted" | "private" | "direct";

/** Visibility from addressing, as Mastodon infers it. */
export function visibilityOf(
  to: URL[],
  cc: URL[],
  followersUrl: string | null,
): Visibility {
  const isPublic = (u: URL) =>
    u.href === PUBLIC_COLLECTION.href || u.href === "as:Public" ||
    u.href === "Public";
  if (to.some(isPublic)) return "public";
  if (cc.some(isPublic)) return "unlisted";
  if (followersUrl && [...to, ...cc].some((u) => u.href === followersUrl)) {
    return "private";
  }
  return "direct";
}

/** An attachment as stored (`RemoteMediaRow`), its type one of Mastodon's. */
export interface RemoteMediaInput extends RemoteMediaRow {
  type: "image" | "gifv" | "video" | "audio" | "unknown";
}

export interface RemotePollInput {
  options: string[];
  votes_counts: number[];
  multiple: boolean;
  voters_count: number;
  expires_at: Date | null;
}

/** A remote post ready for `lib/domain/remote-statuses.ts`. */
export interface RemoteStatusInput {
  uri: string;
  url: string | null;
  content: string;
  spoiler_text: string;
  sensitive: boolean;
  visibility: Visibility;
  language: string | null;
  published: Date;
  edited_at: Date | null;
  in_reply_to_uri: string | null;
  /** Actor URIs of mentioned accounts (`Mention` tags). */
  mention_uris: string[];
  tags: string[];
  /** Custom emoji named in `Emoji` tags (stored unless the domain's media are rejected). */
  emojis: RemoteEmoji[];
  media: RemoteMediaInput[];
  poll: RemotePollInput | null;
  quote_uri: string | null;
}

function mediaType(
  contentType: string | null,
  object: unknown,
): RemoteMediaInput["type"] {
  if (object instanceof Video || contentType?.startsWith("video/")) {
    return "video";
  }
  if (object instanceof Audio || contentType?.startsWith("audio/")) {
    return "audio";
  }
  if (object instanceof Image || contentType?.startsWith("image/")) {
    return "image";
  }
  if (object instanceof Document) return "image";
  return "unknown";
}

/**
 * Objects that arrived embedded in an activity, with their JSON as received: Fedify re-serialises
 * an embedded object from the properties it knows, which drops `blurhash`. Keyed by the parsed
 * object, so entries go with it.
 */
const embeddedJson = new WeakMap<object, unknown>();

/** Keeps the JSON `activity` carried for `object` (its `object` property, when embedded). */
export async function rememberEmbeddedJson(
  activity: { toJsonLd(): Promise<unknown> },
  object: object | null,
): Promise<void> {
  if (!object) return;
  const raw = await activity.toJsonLd().catch(() => null) as
    | Record<string, unknown>
    | null;
  const embedded = raw?.object;
  if (embedded && typeof embedded === "object" && !Array.isArray(embedded)) {
    embeddedJson.set(object, embedded);
  }
}

/**
 * Reads Mastodon's `blurhash` and `focalPoint` from the object's own JSON: Fedify's vocabulary
 * has no accessors, but an object parsed from JSON returns that JSON (compact, as received)
 * from `toJsonLd()`.
 */
async function attachmentExtras(
  object: PostObject,
  options: LoaderOptions,
): Promise<Pick<RemoteMediaInput, "blurhash" | "focus">[]> {
  try {
    const json = (embeddedJson.get(object) ?? await object.toJsonLd({
      contextLoader: options.contextLoader,
    })) as Record<
      string,
      unknown
    >;
    const raw = json.attachment ??
      json["https://www.w3.org/ns/activitystreams#attachment"];
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    return list.map(mediaTermsOf);
  } catch {
    return [];
  }
}

/** An `Emoji` tag as a remote emoji: `:name:` and an icon with a web URL, or null. */
export async function remoteEmojiOf(
  tag: Emoji,
  options: LoaderOptions,
): Promise<RemoteEmoji | null> {
  const shortcode = plainText(tag.name).trim().replace(/^:|:$/g, "");
  const icon = await tag.getIcon(options).catch(() => null);
  const url = icon ? linkHref(icon) : null;
  if (!shortcode || !url) return null;
  return { shortcode, url, uri: webUrl(tag.id) };
}

/** The `Emoji` tags of an object (an actor's profile emoji). */
export async function emojiTagsOf(
  object: { getTags(options: LoaderOptions): AsyncIterable<unknown> },
  options: LoaderOptions,
): Promise<RemoteEmoji[]> {
  const emojis: RemoteEmoji[] = [];
  for await (const tag of first(object.getTags(options), MAX_TAG_ITEMS)) {
    if (!(tag instanceof Emoji)) continue;
    const emoji = await remoteEmojiOf(tag, options);
    if (emoji) emojis.push(emoji);
  }
  return emojis;
}

export async function statusInputFromObject(
  object: PostObject,
  author: { followers_url: string | null },
  options: LoaderOptions = {},
): Promise<RemoteStatusInput | null> {
  // Its id becomes the post's link when it has no usable `url`: no web URL, no post.
  const uri = webUrl(object.id);
  if (!uri) return null;
  const mention_uris: string[] = [];
  const tags = new Set<string>();
  const emojis: RemoteEmoji[] = [];
  for await (const tag of first(object.getTags(options), MAX_TAG_ITEMS)) {
    if (tag instanceof Emoji) {
      const emoji = await remoteEmojiOf(tag, options);
      if (emoji) emojis.push(emoji);
    } else if (tag instanceof Mention) {
      const href = webUrl(tag.href);
      if (href && mention_uris.length < MAX_REMOTE_MENTIONS) {
        mention_uris.push(href);
      }
    } else if (tag instanceof Hashtag && tag.name) {
      const name = tag.name.toString().replace(/^#/, "").trim();
      if (
        /^[\p{L}\p{N}_]+$/u.test(name) && name.length <= 100 &&
        tags.size < MAX_REMOTE_TAGS
      ) tags.add(name);
    }
  }
  const extras = await attachmentExtras(object, options);
  const media: RemoteMediaInput[] = [];
  let index = 0;
  for await (
    const attachment of first(object.getAttachments(options), MAX_LINKED_ITEMS)
  ) {
    const position = index++;
    if (!(attachment instanceof Document || attachment instanceof Image)) {
      continue;
    }
    const href = linkHref(attachment);
    if (!href) continue;
    const contentType = attachment.mediaType ?? null;
    media.push({
      type: mediaType(contentType, attachment),
      content_type: contentType,
      remote_url: href,
      description: attachment.name
        ? plainText(attachment.name).slice(0, 1500)
        : null,
      blurhash: extras[position]?.blurhash ?? null,
      focus: extras[position]?.focus ?? null,
      width: (attachment as Document).width ?? null,
      height: (attachment as Document).height ?? null,
    });
    if (media.length >= 4) break;
  }
  const url = linkHref(object.url as URL | Link | null);
  let html = object.content?.toString() ?? "";
  // Articles and Pages are long-form: show the title and a link rather than pretend.
  if ((object instanceof Article || object instanceof Page) && object.name) {
    const link = url ?? uri;
    html = `<p><strong>${escapeHtml(object.name.toString())}</strong></p>` +
      `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`;
  }
  const published = object.published;
  const updated = object.updated;
  return {
    uri,
    url,
    // The sanitiser has the last word on every byte of HTML we serve: nothing is added after.
    content: sanitizeHtml(html),
    spoiler_text: plainText(object.summary),
    sensitive: object.sensitive ?? Boolean(object.summary),
    visibility: visibilityOf(object.toIds, object.ccIds, author.followers_url),
    language: languageTag(object),
    published: published ? new Date(published.epochMilliseconds) : new Date(),
    edited_at: updated ? new Date(updated.epochMilliseconds) : null,
    in_reply_to_uri: object.replyTargetId?.href ?? null,
    mention_uris,
    tags: [...tags],
    emojis,
    media,
    poll: object instanceof Question ? await pollInput(object, options) : null,
    quote_uri: (object as Note).quoteUrl?.href ?? null,
  };
}

function languageTag(object: PostObject): string | null {
  for (const value of object.contents) {
    if (typeof value !== "string" && "locale" in value) {
      return (value as { locale: Intl.Locale }).locale.baseName;
    }
  }
  return null;
}

async function pollInput(
  question: Question,
  options: LoaderOptions,
): Promise<RemotePollInput> {
  const exclusive = [];
  for await (
    const o of first(question.getExclusiveOptions(options), MAX_LINKED_ITEMS)
  ) {
    exclusive.push(o);
  }
  const inclusive = [];
  for await (
    const o of first(question.getInclusiveOptions(options), MAX_LINKED_ITEMS)
  ) {
    inclusive.push(o);
  }
  const choices = inclusive.length > 0 ? inclusive : exclusive;
  const optionsOut: string[] = [];
  const votes: number[] = [];
  for (const choice of choices.slice(0, 20)) {
    optionsOut.push(plainText(choice.name));
    const replies = await choice.getReplies(options).catch(() => null);
    votes.push(replies?.totalItems ?? 0);
  }
  const end = question.endTime ?? question.closed;
  return {
    options: optionsOut,
    votes_counts: votes,
    multiple: inclusive.length > 0,
    voters_count: question.voters ?? 0,
    expires_at: end && typeof end === "object" && "epochMilliseconds" in end
      ? new Date(end.epochMilliseconds)
      : null,
  };
}
