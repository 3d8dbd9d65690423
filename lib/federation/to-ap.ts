/**
 * Ours → ActivityStreams: local accounts become actors, local statuses become Notes (or
 * Questions), with the addressing their visibility calls for. The other direction is
 * `from-ap.ts`.
 */
import {
  Announce,
  Collection,
  Create,
  Document,
  Emoji,
  Endpoints,
  Hashtag,
  Image,
  Mention,
  Note,
  Person,
  PropertyValue,
  PUBLIC_COLLECTION,
  Question,
  Tombstone,
} from "@fedify/vocab";
import type { Context } from "@fedify/fedify";
import {
  CreateWithMediaTerms,
  MediaDocument,
  NoteWithMediaTerms,
  QuestionWithMediaTerms,
} from "./media-document.ts";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";
import type { NoteParts } from "./note-parts.ts";
import { type EmojiRow, emojiRowsOfAccount } from "../emoji/mod.ts";

type Ctx = Context<Deps>;

/**
 * Public URLs of our HTML pages (profile, status, tag). Every link we hand out is built on the
 * configured origin (`config.origin`), never the request's (`ctx.origin`): behind a TLS proxy
 * the request is http, and a post would get a second, `http://` URL.
 */
export function profileUrl(origin: string, username: string): URL {
  return new URL(`/@${username}`, origin);
}

export function statusPageUrl(
  origin: string,
  username: string,
  id: string,
): URL {
  return new URL(`/@${username}/${id}`, origin);
}

export function tagUrl(origin: string, name: string): URL {
  return new URL(`/tags/${encodeURIComponent(name.toLowerCase())}`, origin);
}

/** A stored asset reference as an absolute URL (local files live under the origin). */
export function assetUrl(origin: string, value: string | null): URL | null {
  if (!value) return null;
  try {
    return new URL(value, origin);
  } catch {
    return null;
  }
}

/** The id of any status: local ones are built from the route, remote ones are stored. */
export function statusUri(
  ctx: Ctx,
  status: StatusRow,
  author: AccountRow,
): URL {
  if (status.local && author.domain == null) {
    return ctx.getObjectUri(Note, { username: author.username, id: status.id });
  }
  return new URL(status.uri);
}

/** The id of any account: local ones from the route, remote ones as stored. */
export function accountUri(
  ctx: Ctx,
  account: Pick<AccountRow, "username" | "domain" | "uri">,
) {
  return account.domain == null
    ? ctx.getActorUri(account.username)
    : new URL(account.uri!);
}

type ActorKeys = {
  cryptographicKey: import("@fedify/vocab").CryptographicKey;
  multikey: unknown;
}[];

/**
 * A local account as its actor: with `movedTo` when it moved (the new account looked up) and
 * the custom emoji its name, bio and fields show.
 */
export async function localActor(
  ctx: Ctx,
  account: AccountRow,
  keys: ActorKeys,
): Promise<Person> {
  const [movedTo, emojis] = await Promise.all([
    account.moved_to_account_id
      ? findAccountById(ctx.data.sql, account.moved_to_account_id)
      : null,
    emojiRowsOfAccount(ctx.data.sql, account),
  ]);
  return actorFromAccount(ctx, account, keys, {
    movedTo: movedTo ? accountUri(ctx, movedTo) : null,
    emojis,
  });
}

export function actorFromAccount(
  ctx: Ctx,
  account: AccountRow,
  keys: ActorKeys,
  extra: { movedTo?: URL | null; emojis?: EmojiRow[] } = {},
): Person {
  const origin = ctx.data.config.origin;
  const id = ctx.getActorUri(account.username);
  // Suspended: Mastodon's ActorSerializer empties the profile and says `suspended: true`.
  const suspended = account.suspended_at !== null;
  return new Person({
    id,
    preferredUsername: account.username,
    name: suspended ? "" : account.display_name || account.username,
    summary: suspended ? null : account.note || null,
    url: profileUrl(origin, account.username),
    icon: account.avatar_url && !suspended
      ? new Image({ url: assetUrl(origin, account.avatar_url) })
      : null,
    image: account.header_url && !suspended
      ? new Image({ url: assetUrl(origin, account.header_url) })
      : null,
    suspended,
    inbox: ctx.getInboxUri(account.username),
    outbox: ctx.getOutboxUri(account.username),
    followers: ctx.getFollowersUri(account.username),
    following: ctx.getFollowingUri(account.username),
    featured: ctx.getFeaturedUri(account.username),
    endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
    manuallyApprovesFollowers: account.locked,
    discoverable: account.discoverable,
    indexable: account.indexable,
    published: toInstant(account.created_at),
    attachments: (suspended ? [] : account.fields).map((field) =>
      new PropertyValue({ name: field.name, value: field.value })
    ),
    aliases: account.also_known_as.map((uri) => new URL(uri)),
    successor: extra.movedTo ?? null,
    tags: suspended ? [] : (extra.emojis ?? []).map((e) => emojiTag(ctx, e)),
    publicKey: keys[0]?.cryptographicKey ?? null,
    assertionMethods: keys.map((k) => k.multikey as never),
  });
}

/** The ActivityPub id of one of our custom emoji (Mastodon's `/emojis/:id`). */
export function emojiUri(origin: string, id: string): URL {
  return new URL(`/emojis/${id}`, origin);
}

/** A local custom emoji as the `Emoji` tag peers read (Mastodon's shape). */
export function emojiTag(ctx: Ctx, emoji: EmojiRow): Emoji {
  return new Emoji({
    id: emojiUri(ctx.data.config.origin, String(emoji.id)),
    name: `:${emoji.shortcode}:`,
    updated: toInstant(emoji.updated_at),
    icon: new Image({
      url: new URL(
        emoji.image_key
          ? ctx.data.media.url(emoji.image_key)
          : emoji.image_remote_url!,
      ),
      mediaType: emoji.image_content_type,
    }),
  });
}

export function toInstant(date: Date): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime());
}

export interface Addressing {
  to: URL[];
  cc: URL[];
}

/**
 * Who a status is addressed to, by visibility: public → Public in `to`; unlisted → Public in
 * `cc`; private → the followers collection only; direct → only the mentioned actors.
 */
export function addressingFor(
  ctx: Ctx,
  visibility: StatusRow["visibility"],
  author: AccountRow,
  mentioned: URL[],
): Addressing {
  const followers = ctx.getFollowersUri(author.username);
  switch (visibility) {
    case "public":
      return { to: [PUBLIC_COLLECTION], cc: [followers, ...mentioned] };
    case "unlisted":
      return { to: [followers], cc: [PUBLIC_COLLECTION, ...mentioned] };
    case "private":
      return { to: [followers], cc: mentioned };
    case "direct":
      return { to: mentioned, cc: [] };
  }
}

/** A local status as the Note (or Question, for a poll) peers receive. */
export function noteFromStatus(
  ctx: Ctx,
  status: StatusRow,
  author: AccountRow,
  parts: NoteParts,
): Note | Question {
  const origin = ctx.data.config.origin;
  const { to, cc } = addressingFor(
    ctx,
    status.visibility,
    author,
    parts.mentionUris,
  );
  const values = {
    id: statusUri(ctx, status, author),
    attribution: ctx.getActorUri(author.username),
    content: status.content,
    summary: status.spoiler_text || null,
    sensitive: status.sensitive,
    published: toInstant(status.created_at),
    updated: status.edited_at ? toInstant(status.edited_at) : null,
    url: statusPageUrl(origin, author.username, status.id),
    replyTarget: parts.replyTarget,
    tos: to,
    ccs: cc,
    tags: [
      ...parts.mentions.map((m, i) =>
        new Mention({
          href: parts.mentionUris[i],
          name: m.domain
            ? `@${m.username}@${m.domain}`
            : `@${m.username}@${ctx.data.config.host}`,
        })
      ),
      ...parts.tags.map((name) =>
        new Hashtag({ href: tagUrl(origin, name), name: `#${name}` })
      ),
      ...parts.emojis.map((emoji) => emojiTag(ctx, emoji)),
    ],
    attachments: parts.media.map((m) => attachmentFor(ctx, m)),
  };
  if (parts.poll) {
    const poll = parts.poll;
    const options = poll.options.map((name, i) =>
      // Mastodon reads an option's votes from `replies.totalItems`.
      new Note({
        name,
        replies: new Collection({ totalItems: poll.votes_counts[i] ?? 0 }),
      })
    );
    return new QuestionWithMediaTerms(
      {
        ...values,
        exclusiveOptions: poll.multiple ? [] : options,
        inclusiveOptions: poll.multiple ? options : [],
        endTime: poll.expires_at ? toInstant(poll.expires_at) : null,
        voters: poll.voters_count,
      } as ConstructorParameters<typeof Question>[0],
    );
  }
  return new NoteWithMediaTerms(values);
}

/** A media row as the `Document` peers receive (Mastodon's shape: blurhash, focalPoint, size). */
function attachmentFor(ctx: Ctx, m: NoteParts["media"][number]): Document {
  const meta = m.meta as {
    width?: number;
    height?: number;
    original?: { width?: number; height?: number };
    focus?: { x?: number; y?: number };
  };
  const focus = meta?.focus;
  return new MediaDocument({
    mediaType: m.content_type,
    url: m.file_key
      ? new URL(ctx.data.media.url(m.file_key))
      : assetUrl(ctx.data.config.origin, m.remote_url),
    name: m.description || null,
    width: meta?.original?.width ?? meta?.width ?? null,
    height: meta?.original?.height ?? meta?.height ?? null,
  }, {
    blurhash: m.blurhash,
    focalPoint: focus && typeof focus.x === "number" &&
        typeof focus.y === "number"
      ? [focus.x, focus.y]
      : null,
  });
}

/** `Create` wrapping a local status (its id is the status id plus `#create`). */
export function createActivity(object: Note | Question, author: URL): Create {
  return new CreateWithMediaTerms({
    id: new URL(`${object.id!.href}#create`),
    actor: author,
    object,
    tos: object.toIds,
    ccs: object.ccIds,
    published: object.published,
  });
}

/**
 * A local boost: the reblog row's own id names the Announce. Its Undo embeds it whole, so this
 * needs only what the row's deletion event still has.
 */
export function announceActivity(
  ctx: Ctx,
  booster: Pick<AccountRow, "username">,
  reblog: Pick<StatusRow, "id" | "visibility" | "created_at">,
  originalUri: URL,
  originalAuthorUri: URL,
): Announce {
  const followers = ctx.getFollowersUri(booster.username);
  return new Announce({
    id: new URL(
      `${
        ctx.getActorUri(booster.username).href
      }/statuses/${reblog.id}/activity`,
    ),
    actor: ctx.getActorUri(booster.username),
    object: originalUri,
    published: toInstant(reblog.created_at),
    tos: reblog.visibility === "public" ? [PUBLIC_COLLECTION] : [followers],
    ccs: reblog.visibility === "public"
      ? [followers, originalAuthorUri]
      : [PUBLIC_COLLECTION, originalAuthorUri],
  });
}

export function tombstoneFor(id: URL): Tombstone {
  return new Tombstone({ id });
}
