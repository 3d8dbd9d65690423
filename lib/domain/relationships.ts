/**
 * Follows, follow requests, blocks, mutes and personal notes: Mastodon's rules. Both the client
 * API and the inbox enter here (a remote Follow calls `follow` like a local click does), and the
 * outside world hears what happened through domain events after the commit.
 *
 * - Following an unlocked local account follows at once (a `follow` notification); a locked one
 *   gets a request (a `follow_request` notification); a remote account always gets a request
 *   first, until its server sends Accept (federation then calls `authorizeFollowRequest`).
 * - A block removes follows and requests both ways, and neither side may follow the other.
 */
import type { Queryable, Sql, Tx } from "../db/client.ts";
import type { AccountRow } from "../db/accounts.ts";
import * as db from "../db/relationships.ts";
import { mergeIntoHomeFeed, unmergeFromHomeFeed } from "../db/feed-merge.ts";
import type { DomainEvent, Effects } from "./effects.ts";
import { forbidden, invalid, notFound } from "./errors.ts";
import { createNotifications } from "./notifications.ts";

export interface RelationshipDeps {
  sql: Sql;
  effects: Effects;
}

export interface FollowInput {
  reblogs?: boolean;
  notify?: boolean;
  languages?: string[] | null;
  /** The Follow activity's id, when a remote account follows. */
  uri?: string | null;
}

export type FollowOutcome = "following" | "requested";

/** `follower` follows `target` (or asks to). Repeating it updates the options. */
export async function follow(
  deps: RelationshipDeps,
  follower: AccountRow,
  target: AccountRow,
  input: FollowInput = {},
): Promise<FollowOutcome> {
  if (follower.id === target.id) throw forbidden("You can't follow yourself");
  if (target.suspended_at) throw notFound();
  const options = {
    show_reblogs: input.reblogs,
    notify: input.notify,
    languages: input.languages,
  };
  const result = await deps.sql.begin(async (tx) => {
    const result = await followIn(tx);
    const events = [result.event, result.notification].filter((e) => e != null);
    await deps.effects.record(tx, ...events);
    return result;
  });
  return result.outcome;

  async function followIn(tx: Tx) {
    if (await db.isBlockedEitherWay(tx, follower.id, target.id)) {
      throw forbidden();
    }
    const existing = await db.findFollow(tx, follower.id, target.id);
    if (existing) {
      await db.updateFollowOptions(tx, existing.id, options);
      return { outcome: "following" as const, event: null, notification: null };
    }
    const needsApproval = target.locked || target.domain !== null;
    if (needsApproval) {
      const request = await db.insertFollowRequest(tx, follower.id, target.id, {
        ...options,
        uri: input.uri,
      });
      if (!request) {
        return {
          outcome: "requested" as const,
          event: null,
          notification: null,
        };
      }
      const notificationId = target.domain === null
        ? await notify(tx, target.id, follower.id, "follow_request")
        : null;
      return {
        outcome: "requested" as const,
        notification: notified(notificationId, target.id, "follow_request"),
        event: {
          type: "follow.requested" as const,
          followRequestId: request.id,
          accountId: follower.id,
          targetAccountId: target.id,
        },
      };
    }
    const created = await db.insertFollow(tx, follower.id, target.id, {
      ...options,
      uri: input.uri,
    });
    if (!created) {
      return { outcome: "following" as const, event: null, notification: null };
    }
    if (follower.domain === null) {
      await mergeIntoHomeFeed(tx, follower.id, target.id, created.show_reblogs);
    }
    const notificationId = await notify(tx, target.id, follower.id, "follow");
    return {
      outcome: "following" as const,
      notification: notified(notificationId, target.id, "follow"),
      event: {
        type: "follow.accepted" as const,
        followId: created.id,
        accountId: follower.id,
        targetAccountId: target.id,
        uri: created.uri,
      },
    };
  }
}

/** A follow or follow request notification, through the recipient's policy (null if none). */
async function notify(
  tx: Queryable,
  recipientId: string,
  fromAccountId: string,
  type: "follow" | "follow_request",
): Promise<string | null> {
  const [row] = await createNotifications(tx, [{
    recipientId,
    fromAccountId,
    type,
    statusId: null,
  }]);
  return row?.id ?? null;
}

function notified(
  id: string | null,
  recipientId: string,
  type: string,
): DomainEvent | null {
  return id
    ? {
      type: "notification.created",
      notificationId: id,
      recipientId,
      notificationType: type,
    }
    : null;
}

/** Ends a follow, or withdraws a pending request. */
export async function unfollow(
  deps: RelationshipDeps,
  follower: AccountRow,
  target: AccountRow,
): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const followRow = await db.deleteFollow(tx, follower.id, target.id);
    if (followRow && follower.domain === null) {
      await unmergeFromHomeFeed(tx, follower.id, target.id);
    }
    const request = await db.deleteFollowRequest(tx, follower.id, target.id);
    if (request) {
      await db.deleteRelationshipNotification(
        tx,
        target.id,
        follower.id,
        "follow_request",
      );
    }
    const removed = followRow ?? request;
    if (removed) {
      await deps.effects.record(tx, {
        type: "follow.undone",
        accountId: follower.id,
        targetAccountId: target.id,
        uri: removed.uri,
      });
    }
  });
}

/** The target accepts a pending request (locally, or a remote server's Accept of ours). */
export async function authorizeFollowRequest(
  deps: RelationshipDeps,
  target: AccountRow,
  requester: AccountRow,
): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const request = await db.deleteFollowRequest(tx, requester.id, target.id);
    if (!request) throw notFound();
    const created = await db.insertFollow(tx, requester.id, target.id, {
      show_reblogs: request.show_reblogs,
      notify: request.notify,
      languages: request.languages,
      uri: request.uri,
    });
    if (created && requester.domain === null) {
      await mergeIntoHomeFeed(
        tx,
        requester.id,
        target.id,
        created.show_reblogs,
      );
    }
    let notificationId: string | null = null;
    if (target.domain === null) {
      // The pending request's notification becomes a plain follow notification.
      await db.deleteRelationshipNotification(
        tx,
        target.id,
        requester.id,
        "follow_request",
      );
      notificationId = await notify(tx, target.id, requester.id, "follow");
    }
    const follow = created ??
      await db.findFollow(tx, requester.id, target.id);
    const notification = notified(notificationId, target.id, "follow");
    await deps.effects.record(
      tx,
      ...(notification ? [notification] : []),
      ...(follow
        ? [{
          type: "follow.accepted" as const,
          followId: follow.id,
          accountId: requester.id,
          targetAccountId: target.id,
          uri: follow.uri,
        }]
        : []),
    );
  });
}

/** The target refuses a pending request (locally, or a remote server's Reject of ours). */
export async function rejectFollowRequest(
  deps: RelationshipDeps,
  target: AccountRow,
  requester: AccountRow,
): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const request = await db.deleteFollowRequest(tx, requester.id, target.id);
    if (!request) throw notFound();
    await db.deleteRelationshipNotification(
      tx,
      target.id,
      requester.id,
      "follow_request",
    );
    await deps.effects.record(tx, {
      type: "follow.rejected",
      accountId: requester.id,
      targetAccountId: target.id,
      uri: request.uri,
    });
  });
}

/** A remote server rejected, or its user removed, an existing follow of ours (or theirs). */
export async function removeFollower(
  deps: RelationshipDeps,
  target: AccountRow,
  follower: AccountRow,
): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const row = await db.deleteFollow(tx, follower.id, target.id);
    if (row && follower.domain === null) {
      await unmergeFromHomeFeed(tx, follower.id, target.id);
    }
    await db.deleteFollowRequest(tx, follower.id, target.id);
    if (row) {
      await deps.effects.record(tx, {
        type: "follow.rejected",
        accountId: follower.id,
        targetAccountId: target.id,
        uri: row.uri,
      });
    }
  });
}

export async function block(
  deps: RelationshipDeps,
  account: AccountRow,
  target: AccountRow,
  uri: string | null = null,
): Promise<void> {
  if (account.id === target.id) throw forbidden("You can't block yourself");
  await deps.sql.begin(async (tx) => {
    for (const [a, b] of [[account, target], [target, account]]) {
      await db.deleteFollow(tx, a.id, b.id);
      if (a.domain === null) await unmergeFromHomeFeed(tx, a.id, b.id);
      const request = await db.deleteFollowRequest(tx, a.id, b.id);
      if (request) {
        await db.deleteRelationshipNotification(
          tx,
          b.id,
          a.id,
          "follow_request",
        );
      }
    }
    const created = await db.insertBlock(tx, account.id, target.id, uri);
    if (!created) return;
    // Federation sends the Block (which implies the Undo of our follow and their removal).
    await deps.effects.record(tx, {
      type: "block.created",
      blockId: created.id,
      accountId: account.id,
      targetAccountId: target.id,
      uri: created.uri,
    });
  });
}

export async function unblock(
  deps: RelationshipDeps,
  account: AccountRow,
  target: AccountRow,
): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const removed = await db.deleteBlock(tx, account.id, target.id);
    if (removed) {
      await deps.effects.record(tx, {
        type: "block.undone",
        accountId: account.id,
        targetAccountId: target.id,
        uri: removed.uri,
      });
    }
  });
}

export async function mute(
  deps: RelationshipDeps,
  account: AccountRow,
  target: AccountRow,
  options: { notifications?: boolean; durationSeconds?: number },
): Promise<void> {
  if (account.id === target.id) throw forbidden("You can't mute yourself");
  const duration = options.durationSeconds ?? 0;
  if (!Number.isFinite(duration) || duration < 0) {
    throw invalid("Duration must be positive");
  }
  const expiresAt = duration > 0
    ? new Date(Date.now() + duration * 1000)
    : null;
  await db.upsertMute(
    deps.sql,
    account.id,
    target.id,
    options.notifications ?? true,
    expiresAt,
  );
}

export async function unmute(
  deps: RelationshipDeps,
  account: AccountRow,
  target: AccountRow,
): Promise<void> {
  await db.deleteMute(deps.sql, account.id, target.id);
}

export const NOTE_MAX_LENGTH = 2000;

export async function setNote(
  deps: RelationshipDeps,
  account: AccountRow,
  target: AccountRow,
  comment: string,
): Promise<void> {
  if (comment.length > NOTE_MAX_LENGTH) {
    throw invalid(
      `Comment is too long (maximum is ${NOTE_MAX_LENGTH} characters)`,
    );
  }
  await db.upsertAccountNote(deps.sql, account.id, target.id, comment.trim());
}

// Reading lives in relationship-queries.ts; re-exported so callers keep one import.
export {
  familiarFollowers,
  listNetwork,
  listRelated,
  mutesOf,
  pendingFollowRequestCount,
  relationship,
  relationships,
} from "./relationship-queries.ts";
