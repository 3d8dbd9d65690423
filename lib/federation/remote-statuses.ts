/**
 * Remote posts: resolving a status URI (ours, known, or fetched from its own id), and storing a
 * fetched or delivered post through the statuses engineer's `createRemoteStatus`, with its parent
 * fetched on demand (depth-capped), mentions and media resolved to rows.
 *
 * Trust rule for every post stored here: its id and its `attributedTo` share the author's
 * origin, and `attributedTo` is the author. A post failing that is not stored.
 */
import type { Context } from "@fedify/fedify";
import { Note } from "@fedify/vocab";
import { federationPolicy } from "../moderation/mod.ts";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findMentionedAccountIds, type MentionTarget } from "../db/accounts.ts";
import {
  findStatusById,
  findStatusByUri,
  isTombstoned,
  type StatusRow,
} from "../db/statuses.ts";
import { createRemoteStatus } from "../domain/interactions.ts";
import { updateRemoteStatus } from "../domain/status-changes.ts";
import { normalizeHashtag } from "../text/compose.ts";
import {
  isPostObject,
  type PostObject,
  type RemoteStatusInput,
  statusInputFromObject,
} from "./from-ap.ts";
import {
  fetchObject,
  resolveActorUri,
  signedLoader,
} from "./remote-accounts.ts";
import { storeRemoteEmojis } from "../emoji/mod.ts";

type Ctx = Context<Deps>;

/** How many ancestors a reply may pull in when its parent is unknown. */
export const MAX_REPLY_DEPTH = 5;

/** A local status from one of our status URIs, else null. */
export async function localStatusFromUri(
  ctx: Ctx,
  uri: string | URL,
): Promise<StatusRow | null> {
  const parsed = ctx.parseUri(new URL(uri));
  if (parsed?.type !== "object" || parsed.class !== Note) return null;
  const status = await findStatusById(ctx.data.sql, parsed.values.id);
  return status?.local ? status : null;
}

/** Whether a post's id and authorship are consistent with `author` (see the module comment). */
export function isAuthoredBy(object: PostObject, author: AccountRow): boolean {
  if (!object.id || !author.uri) return false;
  const authorUrl = new URL(author.uri);
  if (object.id.origin !== authorUrl.origin) return false;
  const attributions = object.attributionIds;
  return attributions.length > 0 &&
    attributions.every((a) => a.href === author.uri);
}

/**
 * The status for a URI: ours, known, or fetched from its own id and stored. `depth` counts how
 * deep in a reply chain this lookup is; past `MAX_REPLY_DEPTH` only known statuses are returned.
 */
export async function resolveStatusUri(
  ctx: Ctx,
  uri: string,
  depth = 0,
): Promise<StatusRow | null> {
  const local = await localStatusFromUri(ctx, uri);
  if (local) return local;
  if (new URL(uri).origin === new URL(ctx.data.config.origin).origin) {
    return null;
  }
  const known = await findStatusByUri(ctx.data.sql, uri);
  if (known || depth > MAX_REPLY_DEPTH) return known;
  if (await isTombstoned(ctx.data.sql, uri)) return null;
  const object = await fetchObject(ctx, uri);
  if (!isPostObject(object) || object.id?.href !== uri) return null;
  const authorUri = object.attributionId;
  if (!authorUri) return null;
  const author = await resolveActorUri(ctx, authorUri);
  if (!author || !isAuthoredBy(object, author)) return null;
  return await storeRemotePost(ctx, object, author, depth);
}

/** The known accounts a post mentions, by actor URI, in one query. */
async function mentionedAccountIds(
  ctx: Ctx,
  uris: string[],
): Promise<string[]> {
  const targets = uris.slice(0, 50).map((uri): MentionTarget => {
    const parsed = ctx.parseUri(new URL(uri));
    return parsed?.type === "actor"
      ? { localUsername: parsed.identifier }
      : { uri };
  });
  return await findMentionedAccountIds(ctx.data.sql, targets);
}

/**
 * A post as we store it. From a domain whose media are rejected (`reject_media`), attachments
 * keep only their link and description, as type `unknown` (Mastodon's way): clients show a
 * link, not the file, and nothing is fetched for a preview.
 */
async function postInput(ctx: Ctx, object: PostObject, author: AccountRow) {
  const input = await statusInputFromObject(object, author, {
    documentLoader: await signedLoader(ctx),
    contextLoader: ctx.contextLoader,
  });
  if (!input || !author.domain) return input;
  // The post's emoji, known from now on by shortcode on its domain (not for reject_media).
  await storeRemoteEmojis(ctx.data, author.domain, input.emojis);
  if (!(await federationPolicy(ctx.data)).rejectsMedia(author.domain)) {
    return input;
  }
  input.media = input.media.map((m) => ({
    ...m,
    type: "unknown" as const,
    blurhash: null,
    focus: null,
    width: null,
    height: null,
  }));
  return input;
}

/** Stores a post whose authorship has been checked (see `isAuthoredBy`). */
export async function storeRemotePost(
  ctx: Ctx,
  object: PostObject,
  author: AccountRow,
  depth = 0,
): Promise<StatusRow | null> {
  const input = await postInput(ctx, object, author);
  if (!input) return null;
  const existing = await findStatusByUri(ctx.data.sql, input.uri);
  if (existing) return existing;
  const parent = input.in_reply_to_uri
    ? await resolveStatusUri(ctx, input.in_reply_to_uri, depth + 1)
    : null;
  return await createRemoteStatus(ctx.data, {
    accountId: author.id,
    local: false,
    uri: input.uri,
    url: input.url,
    published: input.published,
    visibility: input.visibility,
    content: input.content,
    spoilerText: input.spoiler_text,
    sensitive: input.sensitive,
    language: input.language,
    inReplyTo: parent,
    inReplyToUri: input.in_reply_to_uri,
    mentionedAccountIds: await mentionedAccountIds(ctx, input.mention_uris),
    tags: tagNames(input),
    remoteMedia: input.media,
    poll: input.poll
      ? {
        options: input.poll.options,
        multiple: input.poll.multiple,
        expiresAt: input.poll.expires_at,
        votesCounts: input.poll.votes_counts,
        votersCount: input.poll.voters_count,
      }
      : null,
  });
}

function tagNames(input: RemoteStatusInput): string[] {
  return [...new Set(input.tags.map((t) => normalizeHashtag(t)))].filter(
    Boolean,
  );
}

/** Applies an `Update` of a post by its author; unknown posts are ignored (as Mastodon). */
export async function updateRemotePost(
  ctx: Ctx,
  object: PostObject,
  author: AccountRow,
): Promise<StatusRow | null> {
  if (!object.id) return null;
  const status = await findStatusByUri(ctx.data.sql, object.id.href);
  if (!status || status.account_id !== author.id) return null;
  const input = await postInput(ctx, object, author);
  if (!input) return null;
  // An Update that changes nothing we show (e.g. only a poll count) is not an edit.
  if (
    input.content === status.content &&
    input.spoiler_text === status.spoiler_text &&
    input.sensitive === status.sensitive
  ) return status;
  return await updateRemoteStatus(ctx.data, status, {
    content: input.content,
    spoilerText: input.spoiler_text,
    sensitive: input.sensitive,
    language: input.language,
    mentionedAccountIds: await mentionedAccountIds(ctx, input.mention_uris),
    tags: tagNames(input),
    remoteMedia: input.media,
    editedAt: input.edited_at ?? new Date(),
  });
}
