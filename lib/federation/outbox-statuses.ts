/**
 * Outgoing activities about posts: Create/Update/Delete of our statuses, Announce and its Undo,
 * Like and its Undo, and our votes in remote polls. To followers and the mentioned, once per inbox
 * (`toAudience`); direct statuses only to the mentioned.
 */
import {
  Add,
  Create,
  Delete,
  Like,
  Note,
  Remove,
  Tombstone,
  Undo,
} from "@fedify/vocab";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById, findAccountsByIds } from "../db/accounts.ts";
import { findStatusById, type StatusRow } from "../db/statuses.ts";
import { findPoll } from "../db/polls.ts";
import {
  accountUri,
  announceActivity,
  createActivity,
  noteFromStatus,
  statusUri,
} from "./to-ap.ts";
import { loadNoteParts } from "./note-parts.ts";
import {
  isRecipient,
  localAndRemote,
  type OutboxContext as Ctx,
  PUBLIC_COLLECTION,
  recipientOf,
  toAudience,
} from "./outbox-audience.ts";
import { UpdateWithMediaTerms } from "./media-document.ts";

/** A local status or reblog was created or edited. */
export async function sendStatusChange(
  ctx: Ctx,
  statusId: string,
  kind: "create" | "update",
): Promise<void> {
  const { sql } = ctx.data;
  const status = await findStatusById(sql, statusId);
  const author = status && await findAccountById(sql, status.account_id);
  if (!status || !author || author.domain !== null) return;
  if (kind === "create" && status.reblog_of_id) {
    await sendReblog(ctx, status, author);
  } else if (!status.reblog_of_id) {
    await sendStatus(ctx, status, author, kind);
  }
}

export interface DeletedStatus {
  statusId: string;
  uri: string;
  accountId: string;
  visibility: string;
  mentionedAccountIds: string[];
  reblogOfId: string | null;
  createdAt: Date;
}

/** A local status was deleted (Delete), or a boost withdrawn (Undo Announce). */
export async function sendStatusDeletion(
  ctx: Ctx,
  deleted: DeletedStatus,
): Promise<void> {
  const { sql } = ctx.data;
  const author = await findAccountById(sql, deleted.accountId);
  if (!author || author.domain !== null) return;
  const mentioned = (await findAccountsByIds(sql, deleted.mentionedAccountIds))
    .map(recipientOf).filter(isRecipient);
  const actor = ctx.getActorUri(author.username);
  // Un-boosting: the boosted post's author heard of the Announce, so hears of its Undo,
  // which carries the Announce itself as it was sent, addressing and date included (nothing to
  // fetch: the reblog row is gone; GoToSocial refuses an Undo whose Announce lacks them).
  const original = deleted.reblogOfId
    ? await findStatusById(sql, deleted.reblogOfId)
    : null;
  const originalAuthor = original &&
    await findAccountById(sql, original.account_id);
  const originalRecipient = originalAuthor && recipientOf(originalAuthor);
  if (originalRecipient) mentioned.push(originalRecipient);
  const announce = original && originalAuthor
    ? announceActivity(
      ctx,
      author,
      {
        id: deleted.statusId,
        visibility: deleted.visibility as StatusRow["visibility"],
        created_at: deleted.createdAt,
      },
      statusUri(ctx, original, originalAuthor),
      accountUri(ctx, originalAuthor),
    )
    : null;
  const activity = deleted.reblogOfId
    ? new Undo({
      id: new URL(`${deleted.uri}#undo`),
      actor,
      object: announce ?? new URL(deleted.uri),
      tos: announce?.toIds ?? [PUBLIC_COLLECTION],
      ccs: announce?.ccIds ?? [],
    })
    : new Delete({
      id: new URL(`${deleted.uri}#delete`),
      actor,
      object: new Tombstone({ id: new URL(deleted.uri) }),
      tos: [PUBLIC_COLLECTION],
    });
  await toAudience(
    ctx,
    author,
    deleted.visibility,
    mentioned,
    activity,
    deleted.uri,
  );
}

/** Our account favourited (or un-favourited) a remote status: Like (or Undo Like) to its author. */
export async function sendFavourite(
  ctx: Ctx,
  event: { favouriteId: string; statusId: string; accountId: string },
  undone: boolean,
): Promise<void> {
  const status = await findStatusById(ctx.data.sql, event.statusId);
  if (!status) return;
  const pair = await localAndRemote(ctx, event.accountId, status.account_id);
  if (!pair) return;
  const actor = ctx.getActorUri(pair.local.username);
  const like = new Like({
    id: new URL(`${actor.href}#likes/${event.favouriteId}`),
    actor,
    object: statusUri(ctx, status, pair.remote),
  });
  const activity = undone
    ? new Undo({ id: new URL(`${like.id!.href}/undo`), actor, object: like })
    : like;
  await ctx.sendActivity(
    { identifier: pair.local.username },
    pair.recipient,
    activity,
  );
}

/** Our account voted in a remote poll: one `Note{name}` per choice, to the poll's author. */
export async function sendPollVote(
  ctx: Ctx,
  event: { statusId: string; accountId: string; choices: number[] },
): Promise<void> {
  const { sql } = ctx.data;
  const question = await findStatusById(sql, event.statusId);
  if (!question || question.local || !question.poll_id) return;
  const pair = await localAndRemote(ctx, event.accountId, question.account_id);
  const poll = await findPoll(sql, question.poll_id);
  if (!pair || !poll) return;
  const actor = ctx.getActorUri(pair.local.username);
  for (const choice of event.choices) {
    const id = new URL(`${actor.href}#votes/${poll.id}/${choice}`);
    const vote = new Note({
      id,
      attribution: actor,
      name: poll.options[choice],
      replyTarget: new URL(question.uri),
      tos: [new URL(pair.remote.uri!)],
    });
    await ctx.sendActivity(
      { identifier: pair.local.username },
      pair.recipient,
      new Create({
        id: new URL(`${id.href}/activity`),
        actor,
        object: vote,
        tos: vote.toIds,
      }),
    );
  }
}

async function sendStatus(
  ctx: Ctx,
  status: StatusRow,
  author: AccountRow,
  kind: "create" | "update",
): Promise<void> {
  const parts = await loadNoteParts(ctx, status);
  if (!parts) return; // deleted meanwhile: its Delete follows
  const note = noteFromStatus(ctx, status, author, parts);
  const actor = ctx.getActorUri(author.username);
  const activity = kind === "create"
    ? createActivity(note, actor)
    : new UpdateWithMediaTerms({
      id: new URL(
        `${note.id!.href}#updates/${status.edited_at?.getTime() ?? Date.now()}`,
      ),
      actor,
      object: note,
      tos: note.toIds,
      ccs: note.ccIds,
    });
  const mentionedIds = parts.mentions.filter((m) => m.domain !== null)
    .map((m) => m.account_id);
  // The parent's author hears about a reply even when not mentioned (as Mastodon).
  if (status.in_reply_to_account_id) {
    mentionedIds.push(status.in_reply_to_account_id);
  }
  const mentioned =
    (await findAccountsByIds(ctx.data.sql, [...new Set(mentionedIds)]))
      .map(recipientOf).filter(isRecipient);
  const audience = status.visibility === "direct"
    ? mentioned.filter((r) =>
      parts.mentionUris.some((u) => u.href === r.id?.href)
    )
    : mentioned;
  await toAudience(
    ctx,
    author,
    status.visibility,
    audience,
    activity,
    note.id!.href,
  );
}

async function sendReblog(
  ctx: Ctx,
  reblog: StatusRow,
  booster: AccountRow,
): Promise<void> {
  const original = await findStatusById(ctx.data.sql, reblog.reblog_of_id!);
  const originalAuthor = original &&
    await findAccountById(ctx.data.sql, original.account_id);
  if (!original || !originalAuthor) return;
  const activity = announceActivity(
    ctx,
    booster,
    reblog,
    statusUri(ctx, original, originalAuthor),
    accountUri(ctx, originalAuthor),
  );
  const recipients = [recipientOf(originalAuthor)].filter(isRecipient);
  await toAudience(
    ctx,
    booster,
    reblog.visibility,
    recipients,
    activity,
    activity.id!.href,
  );
}

/** Our account pinned (or unpinned) its status: Add (or Remove) on its featured collection. */
export async function sendPin(
  ctx: Ctx,
  event: { statusId: string; accountId: string },
  pinned: boolean,
): Promise<void> {
  const { sql } = ctx.data;
  const [status, author] = await Promise.all([
    findStatusById(sql, event.statusId),
    findAccountById(sql, event.accountId),
  ]);
  if (!status || !author || author.domain !== null) return;
  if (status.account_id !== author.id) return;
  const actor = ctx.getActorUri(author.username);
  const Kind = pinned ? Add : Remove;
  const activity = new Kind({
    id: new URL(
      `${actor.href}#${pinned ? "pins" : "unpins"}/${status.id}/${Date.now()}`,
    ),
    actor,
    object: statusUri(ctx, status, author),
    target: ctx.getFeaturedUri(author.username),
    tos: [PUBLIC_COLLECTION],
  });
  await toAudience(ctx, author, "public", [], activity, status.uri);
}
