/**
 * Outgoing activities, triggered by domain events (`deps.effects`): what our users did becomes
 * Create/Update/Delete/Announce/Like/Follow/Undo/Accept/Reject/Block, queued by Fedify for the
 * right inboxes — followers' shared inboxes, deduplicated, plus mentioned actors; direct
 * statuses only to the mentioned. Remote-originated events (`local: false`, remote actors) are
 * ignored: we only ever speak for our own accounts.
 */
import type { Context } from "@fedify/fedify";
import {
  Accept,
  type Activity,
  Announce,
  Block,
  Create,
  Delete,
  Follow,
  Like,
  Note,
  type Recipient,
  Reject,
  Tombstone,
  Undo,
  Update,
} from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import type { DomainEvent } from "../domain/effects.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById, findAccountsByIds } from "../db/accounts.ts";
import { findStatusById, type StatusRow } from "../db/statuses.ts";
import { setFollowRequestUri } from "../db/relationships.ts";
import { findPoll } from "../db/polls.ts";
import {
  accountUri,
  actorFromAccount,
  announceActivity,
  createActivity,
  loadNoteParts,
  noteFromStatus,
  statusUri,
} from "./to-ap.ts";

type Ctx = Context<Deps>;

function recipientOf(account: AccountRow): Recipient | null {
  if (!account.domain || !account.uri || !account.inbox_url) return null;
  return {
    id: new URL(account.uri),
    inboxId: new URL(account.inbox_url),
    endpoints: account.shared_inbox_url
      ? { sharedInbox: new URL(account.shared_inbox_url) }
      : null,
  };
}

/** Starts translating domain events into deliveries; returns the unsubscribe function. */
export function subscribeOutbox(deps: Deps): () => void {
  const federation = deps.federation;
  return deps.effects.on(async (event) => {
    const ctx = federation.createContext(new URL(deps.config.origin), deps);
    await deliver(ctx, event);
  });
}

async function localAndRemote(ctx: Ctx, localId: string, remoteId: string) {
  const [local, remote] = await Promise.all([
    findAccountById(ctx.data.sql, localId),
    findAccountById(ctx.data.sql, remoteId),
  ]);
  if (!local || local.domain !== null || !remote) return null;
  const recipient = recipientOf(remote);
  return recipient ? { local, remote, recipient } : null;
}

/** The id of a Follow we send: deterministic, so its Undo can name it. */
function followId(ctx: Ctx, follower: AccountRow, requestId: string): URL {
  return new URL(
    `${ctx.getActorUri(follower.username).href}#follows/${requestId}`,
  );
}

async function deliver(ctx: Ctx, event: DomainEvent): Promise<void> {
  const { sql } = ctx.data;
  switch (event.type) {
    case "status.created":
    case "status.updated": {
      if (!event.local) return;
      const status = await findStatusById(sql, event.statusId);
      const author = status && await findAccountById(sql, status.account_id);
      if (!status || !author || author.domain !== null) return;
      if (event.type === "status.created" && status.reblog_of_id) {
        await sendReblog(ctx, status, author);
      } else if (!status.reblog_of_id) {
        await sendStatus(
          ctx,
          status,
          author,
          event.type === "status.created" ? "create" : "update",
        );
      }
      return;
    }
    case "status.deleted": {
      if (!event.local) return;
      const author = await findAccountById(sql, event.accountId);
      if (!author || author.domain !== null) return;
      const mentioned =
        (await findAccountsByIds(sql, event.mentionedAccountIds))
          .map(recipientOf).filter((r): r is Recipient => r !== null);
      const actor = ctx.getActorUri(author.username);
      // Un-boosting: the boosted post's author heard of the Announce, so hears of its Undo,
      // which carries the Announce itself (nothing to fetch: the reblog row is gone).
      const original = event.reblogOfId
        ? await findStatusById(sql, event.reblogOfId)
        : null;
      const originalAuthor = original &&
        await findAccountById(sql, original.account_id);
      const originalRecipient = originalAuthor && recipientOf(originalAuthor);
      if (originalRecipient) mentioned.push(originalRecipient);
      const activity = event.reblogOfId
        ? new Undo({
          id: new URL(`${event.uri}#undo`),
          actor,
          object: original && originalAuthor
            ? new Announce({
              id: new URL(event.uri),
              actor,
              object: statusUri(ctx, original, originalAuthor),
            })
            : new URL(event.uri),
        })
        : new Delete({
          id: new URL(`${event.uri}#delete`),
          actor,
          object: new Tombstone({ id: new URL(event.uri) }),
          tos: [new URL("https://www.w3.org/ns/activitystreams#Public")],
        });
      await toAudience(
        ctx,
        author,
        event.visibility,
        mentioned,
        activity,
        event.uri,
      );
      return;
    }
    case "favourite.created":
    case "favourite.undone": {
      const status = await findStatusById(sql, event.statusId);
      if (!status) return;
      const pair = await localAndRemote(
        ctx,
        event.accountId,
        status.account_id,
      );
      if (!pair) return;
      const actor = ctx.getActorUri(pair.local.username);
      const like = new Like({
        id: new URL(`${actor.href}#likes/${event.favouriteId}`),
        actor,
        object: statusUri(ctx, status, pair.remote),
      });
      const activity = event.type === "favourite.created" ? like : new Undo({
        id: new URL(`${like.id!.href}/undo`),
        actor,
        object: like,
      });
      await ctx.sendActivity(
        { identifier: pair.local.username },
        pair.recipient,
        activity,
      );
      return;
    }
    case "follow.requested": {
      const pair = await localAndRemote(
        ctx,
        event.accountId,
        event.targetAccountId,
      );
      if (!pair) return;
      const id = followId(ctx, pair.local, event.followRequestId);
      await setFollowRequestUri(sql, event.followRequestId, id.href);
      await ctx.sendActivity(
        { identifier: pair.local.username },
        pair.recipient,
        new Follow({
          id,
          actor: ctx.getActorUri(pair.local.username),
          object: new URL(pair.remote.uri!),
        }),
      );
      return;
    }
    case "follow.undone": {
      const pair = await localAndRemote(
        ctx,
        event.accountId,
        event.targetAccountId,
      );
      if (!pair || !event.uri) return;
      const actor = ctx.getActorUri(pair.local.username);
      await ctx.sendActivity(
        { identifier: pair.local.username },
        pair.recipient,
        new Undo({
          id: new URL(`${event.uri}/undo`),
          actor,
          object: new Follow({
            id: new URL(event.uri),
            actor,
            object: new URL(pair.remote.uri!),
          }),
        }),
      );
      return;
    }
    case "follow.accepted":
    case "follow.rejected": {
      // Our account (the target) answers a remote follower.
      const pair = await localAndRemote(
        ctx,
        event.targetAccountId,
        event.accountId,
      );
      if (!pair || !event.uri) return;
      const send = event.type === "follow.accepted" ? sendAccept : sendReject;
      await send(ctx, pair.local, pair.remote, event.uri);
      return;
    }
    case "block.created":
    case "block.undone": {
      const pair = await localAndRemote(
        ctx,
        event.accountId,
        event.targetAccountId,
      );
      if (!pair) return;
      const actor = ctx.getActorUri(pair.local.username);
      const block = new Block({
        id: new URL(event.uri ?? `${actor.href}#blocks/${pair.remote.id}`),
        actor,
        object: new URL(pair.remote.uri!),
      });
      const activity = event.type === "block.created" ? block : new Undo({
        id: new URL(`${block.id!.href}/undo`),
        actor,
        object: block,
      });
      await ctx.sendActivity(
        { identifier: pair.local.username },
        pair.recipient,
        activity,
      );
      return;
    }
    case "poll.voted": {
      // Our account voted in a remote poll: one `Note{name}` per choice, to the poll's author.
      const question = await findStatusById(sql, event.statusId);
      if (!question || question.local || !question.poll_id) return;
      const pair = await localAndRemote(
        ctx,
        event.accountId,
        question.account_id,
      );
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
      return;
    }
    case "account.updated": {
      const account = await findAccountById(sql, event.accountId);
      if (!account || account.domain !== null) return;
      const keys = await ctx.getActorKeyPairs(account.username);
      const actor = actorFromAccount(ctx, account, keys);
      await ctx.sendActivity(
        { identifier: account.username },
        "followers",
        new Update({
          id: new URL(`${actor.id!.href}#updates/${Date.now()}`),
          actor: actor.id,
          object: actor,
          tos: [new URL("https://www.w3.org/ns/activitystreams#Public")],
        }),
        { preferSharedInbox: true, excludeBaseUris: [new URL(ctx.origin)] },
      );
      return;
    }
  }
}

/** Sends to followers (unless direct) and to the mentioned, shared inboxes first. */
async function toAudience(
  ctx: Ctx,
  author: AccountRow,
  visibility: string,
  mentioned: Recipient[],
  activity: Activity,
  orderingKey: string,
): Promise<void> {
  const options = {
    preferSharedInbox: true,
    excludeBaseUris: [new URL(ctx.origin)],
    orderingKey,
  };
  const sender = { identifier: author.username };
  if (visibility !== "direct") {
    await ctx.sendActivity(sender, "followers", activity, options);
  }
  if (mentioned.length > 0) {
    await ctx.sendActivity(sender, mentioned, activity, options);
  }
}

async function sendStatus(
  ctx: Ctx,
  status: StatusRow,
  author: AccountRow,
  kind: "create" | "update",
): Promise<void> {
  const parts = await loadNoteParts(ctx, ctx.data, status);
  const note = noteFromStatus(ctx, status, author, parts);
  const actor = ctx.getActorUri(author.username);
  const activity = kind === "create"
    ? createActivity(note, actor)
    : new Update({
      id: new URL(
        `${note.id!.href}#updates/${status.edited_at?.getTime() ?? Date.now()}`,
      ),
      actor,
      object: note,
      tos: note.toIds,
      ccs: note.ccIds,
    });
  const mentionedIds = parts.mentions.filter((m) => m.domain !== null).map((
    m,
  ) => m.id);
  // The parent's author hears about a reply even when not mentioned (as Mastodon).
  if (status.in_reply_to_account_id) {
    mentionedIds.push(status.in_reply_to_account_id);
  }
  const mentioned =
    (await findAccountsByIds(ctx.data.sql, [...new Set(mentionedIds)]))
      .map(recipientOf).filter((r): r is Recipient => r !== null);
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
  const recipients = [recipientOf(originalAuthor)].filter((r): r is Recipient =>
    r !== null
  );
  await toAudience(
    ctx,
    booster,
    reblog.visibility,
    recipients,
    activity,
    activity.id!.href,
  );
}

/** Accepts a remote follower's Follow (by its id) on behalf of our account. */
export async function sendAccept(
  ctx: Ctx,
  local: AccountRow,
  follower: AccountRow,
  followUri: string,
): Promise<void> {
  await sendFollowAnswer(ctx, local, follower, followUri, Accept);
}

export async function sendReject(
  ctx: Ctx,
  local: AccountRow,
  follower: AccountRow,
  followUri: string,
): Promise<void> {
  await sendFollowAnswer(ctx, local, follower, followUri, Reject);
}

async function sendFollowAnswer(
  ctx: Ctx,
  local: AccountRow,
  follower: AccountRow,
  followUri: string,
  Kind: typeof Accept | typeof Reject,
): Promise<void> {
  const recipient = recipientOf(follower);
  if (!recipient) return;
  const actor = ctx.getActorUri(local.username);
  await ctx.sendActivity(
    { identifier: local.username },
    recipient,
    new Kind({
      id: new URL(
        `${actor.href}#${
          Kind === Accept ? "accepts" : "rejects"
        }/${crypto.randomUUID()}`,
      ),
      actor,
      object: new Follow({
        id: new URL(followUri),
        actor: recipient.id,
        object: actor,
      }),
    }),
  );
}
