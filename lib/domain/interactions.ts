/**
 * What an account does to someone's status: reblog, favourite, bookmark, pin, mute the
 * conversation, vote. Every one starts by checking visibility, so acting on an invisible status
 * fails exactly like acting on a missing one (404). `actorId` may be a remote account: the inbox
 * calls `favouriteStatus` and `reblogStatus` for Like and Announce.
 */
import * as db from "../db/statuses.ts";
import type { StatusRow } from "../db/statuses.ts";
import * as interactions from "../db/interactions.ts";
import { deleteNotificationsFor } from "../db/notifications.ts";
import { createNotifications } from "./notifications.ts";
import {
  findPoll,
  hasVoted,
  insertVoteChoice,
  insertVotes,
  type PollRow,
} from "../db/polls.ts";
import { forbidden, invalid, notFound } from "./errors.ts";
import { getVisibleStatus, type StatusDeps } from "./statuses.ts";
import {
  insertedEvents,
  insertStatus,
  type InsertStatusInput,
  notificationEvents,
} from "./status-insert.ts";
import { removeStatus } from "./status-changes.ts";

export const MAX_PINS = 5;

/** The original a reblog points at (acting on a reblog acts on its original, as Mastodon). */
async function target(deps: StatusDeps, actorId: string | null, id: string) {
  const status = await getVisibleStatus(deps, actorId, id);
  if (!status.reblog_of_id) return status;
  return await getVisibleStatus(deps, actorId, status.reblog_of_id);
}

/** The row re-read after a change to its counters. */
async function fresh(deps: StatusDeps, status: StatusRow): Promise<StatusRow> {
  return (await db.findStatusById(deps.sql, status.id)) ?? status;
}

/** Creates a remote status (inbox `Create`); ignores URIs already known or tombstoned. */
export async function createRemoteStatus(
  deps: StatusDeps,
  input: InsertStatusInput & { uri: string },
): Promise<StatusRow | null> {
  if (await db.isTombstoned(deps.sql, input.uri)) return null;
  const existing = await db.findStatusByUri(deps.sql, input.uri);
  if (existing) return existing;
  try {
    const inserted = await deps.sql.begin(async (tx) => {
      const result = await insertStatus(tx, deps.config, {
        ...input,
        local: false,
      });
      await deps.effects.record(tx, ...insertedEvents(result));
      return result;
    });
    return inserted.status;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") {
      return await db.findStatusByUri(deps.sql, input.uri); // a concurrent delivery won
    }
    throw error;
  }
}

/**
 * Reblogs (boosts) a status. Private and direct statuses can't be reblogged. Returns the reblog
 * row (existing one if already reblogged). `uri`/`published` come from a remote Announce.
 */
export async function reblogStatus(
  deps: StatusDeps,
  actor: { id: string; local: boolean },
  statusId: string,
  options: { visibility?: string; uri?: string; published?: Date } = {},
): Promise<StatusRow> {
  const original = await target(deps, actor.id, statusId);
  if (original.visibility === "private" || original.visibility === "direct") {
    throw forbidden("This action is not allowed");
  }
  const existing = await db.findReblog(deps.sql, actor.id, original.id);
  if (existing) return existing;
  const visibility =
    original.visibility === "unlisted" || options.visibility === "unlisted"
      ? "unlisted"
      : options.visibility === "private"
      ? "private"
      : "public";
  try {
    const inserted = await deps.sql.begin(async (tx) => {
      const result = await insertStatus(tx, deps.config, {
        accountId: actor.id,
        local: actor.local,
        uri: options.uri,
        published: options.published,
        visibility,
        content: "",
        reblogOf: original,
      });
      await deps.effects.record(tx, ...insertedEvents(result));
      return result;
    });
    return inserted.status;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") {
      const row = await db.findReblog(deps.sql, actor.id, original.id);
      if (row) return row;
    }
    throw error;
  }
}

/** Undoes a reblog; returns the original status (what the API answers with). */
export async function unreblogStatus(
  deps: StatusDeps,
  actorId: string,
  statusId: string,
): Promise<StatusRow> {
  const original = await target(deps, actorId, statusId);
  const reblog = await db.findReblog(deps.sql, actorId, original.id);
  if (reblog) await removeStatus(deps, reblog);
  return await fresh(deps, original);
}

export async function favouriteStatus(
  deps: StatusDeps,
  actorId: string,
  statusId: string,
  options: { uri?: string } = {},
): Promise<StatusRow> {
  const status = await target(deps, actorId, statusId);
  await deps.sql.begin(async (tx) => {
    const favouriteId = await interactions.insertFavourite(
      tx,
      actorId,
      status.id,
      options.uri,
    );
    if (!favouriteId) return;
    await db.adjustCounter(tx, status.id, "favourites_count", 1);
    const notifications = await createNotifications(tx, [{
      recipientId: status.account_id,
      fromAccountId: actorId,
      type: "favourite",
      statusId: status.id,
    }]);
    await deps.effects.record(
      tx,
      {
        type: "favourite.created",
        favouriteId,
        statusId: status.id,
        accountId: actorId,
      },
      ...notificationEvents(notifications),
    );
  });
  return await fresh(deps, status);
}

export async function unfavouriteStatus(
  deps: StatusDeps,
  actorId: string,
  statusId: string,
): Promise<StatusRow> {
  const status = await target(deps, actorId, statusId);
  await deps.sql.begin(async (tx) => {
    const row = await interactions.deleteFavourite(tx, actorId, status.id);
    if (!row) return;
    await db.adjustCounter(tx, status.id, "favourites_count", -1);
    await deleteNotificationsFor(tx, actorId, "favourite", status.id);
    await deps.effects.record(tx, {
      type: "favourite.undone",
      favouriteId: row.id,
      uri: row.uri,
      statusId: status.id,
      accountId: actorId,
    });
  });
  return await fresh(deps, status);
}

export async function bookmarkStatus(
  deps: StatusDeps,
  actorId: string,
  statusId: string,
) {
  const status = await target(deps, actorId, statusId);
  await interactions.insertBookmark(deps.sql, actorId, status.id);
  return status;
}

export async function unbookmarkStatus(
  deps: StatusDeps,
  actorId: string,
  statusId: string,
) {
  const status = await target(deps, actorId, statusId);
  await interactions.deleteBookmark(deps.sql, actorId, status.id);
  return status;
}

/** Pins one of the actor's own public or unlisted statuses (at most five). */
export async function pinStatus(
  deps: StatusDeps,
  actorId: string,
  statusId: string,
) {
  const status = await getVisibleStatus(deps, actorId, statusId);
  if (status.account_id !== actorId || status.reblog_of_id) {
    throw invalid("Validation failed: Someone else's post cannot be pinned");
  }
  if (status.visibility !== "public" && status.visibility !== "unlisted") {
    throw invalid("Validation failed: Non-public toot cannot be pinned");
  }
  await deps.sql.begin(async (tx) => {
    await tx`SELECT 1 FROM accounts WHERE id = ${actorId} FOR UPDATE`;
    if (await interactions.countPins(tx, actorId) >= MAX_PINS) {
      throw invalid(
        "Validation failed: You have already pinned the maximum number of toots",
      );
    }
    await interactions.insertPin(tx, actorId, status.id);
    await deps.effects.record(tx, {
      type: "status.pinned",
      statusId: status.id,
      accountId: actorId,
    });
  });
  return status;
}

export async function unpinStatus(
  deps: StatusDeps,
  actorId: string,
  statusId: string,
) {
  const status = await getVisibleStatus(deps, actorId, statusId);
  await deps.sql.begin(async (tx) => {
    await interactions.deletePin(tx, actorId, status.id);
    if (status.account_id === actorId) {
      await deps.effects.record(tx, {
        type: "status.unpinned",
        statusId: status.id,
        accountId: actorId,
      });
    }
  });
  return status;
}

export async function muteConversation(
  deps: StatusDeps,
  actorId: string,
  statusId: string,
) {
  const status = await target(deps, actorId, statusId);
  if (status.conversation_id) {
    await interactions.muteConversation(
      deps.sql,
      actorId,
      status.conversation_id,
    );
  }
  return status;
}

export async function unmuteConversation(
  deps: StatusDeps,
  actorId: string,
  statusId: string,
) {
  const status = await target(deps, actorId, statusId);
  if (status.conversation_id) {
    await interactions.unmuteConversation(
      deps.sql,
      actorId,
      status.conversation_id,
    );
  }
  return status;
}

/** Loads a poll through its status's visibility. */
export async function getVisiblePoll(
  deps: StatusDeps,
  viewerId: string | null,
  pollId: string,
): Promise<{ poll: PollRow; status: StatusRow }> {
  const poll = await findPoll(deps.sql, pollId);
  if (!poll) throw notFound();
  const [row] = await deps.sql<{ id: string }[]>`
    SELECT id FROM statuses WHERE poll_id = ${poll.id} AND reblog_of_id IS NULL LIMIT 1`;
  if (!row) throw notFound();
  const status = await getVisibleStatus(deps, viewerId, row.id);
  return { poll, status };
}

/** Votes in a poll (local or, from the inbox, remote voters). */
export async function voteInPoll(
  deps: StatusDeps,
  voterId: string,
  pollId: string,
  choices: number[],
): Promise<PollRow> {
  const { poll, status } = await getVisiblePoll(deps, voterId, pollId);
  if (poll.expires_at && poll.expires_at.getTime() <= Date.now()) {
    throw invalid("Validation failed: The poll has already ended");
  }
  if (status.account_id === voterId) {
    throw invalid("Validation failed: You cannot vote in your own poll");
  }
  const unique = [...new Set(choices)];
  if (
    unique.length === 0 || unique.some((c) => c < 0 || c >= poll.options.length)
  ) {
    throw invalid("Validation failed: That option does not exist");
  }
  if (!poll.multiple && unique.length > 1) {
    throw invalid("Validation failed: You can only pick one option");
  }
  const updated = await deps.sql.begin(async (tx) => {
    await tx`SELECT 1 FROM polls WHERE id = ${poll.id} FOR UPDATE`;
    if (await hasVoted(tx, poll.id, voterId)) {
      throw invalid("Validation failed: You have already voted on this poll");
    }
    const votes = await insertVotes(tx, poll.id, voterId, unique);
    await deps.effects.record(tx, {
      type: "poll.voted",
      pollId: poll.id,
      statusId: status.id,
      accountId: voterId,
      choices: unique,
    });
    return votes;
  });
  return updated;
}

/**
 * One choice of a remote voter (the inbox): Mastodon sends a multiple-choice vote as one
 * `Create(Note{name})` per choice, so a later choice adds to the earlier ones; a single-choice
 * poll takes one vote only. A repeated delivery of the same choice changes nothing.
 */
export async function addRemoteVoteChoice(
  deps: StatusDeps,
  voterId: string,
  pollId: string,
  choice: number,
  uri: string | null,
): Promise<PollRow | null> {
  const { poll, status } = await getVisiblePoll(deps, voterId, pollId);
  if (poll.expires_at && poll.expires_at.getTime() <= Date.now()) {
    throw invalid("Validation failed: The poll has already ended");
  }
  if (status.account_id === voterId) {
    throw invalid("Validation failed: You cannot vote in your own poll");
  }
  if (
    !Number.isInteger(choice) || choice < 0 || choice >= poll.options.length
  ) {
    throw invalid("Validation failed: That option does not exist");
  }
  const updated = await deps.sql.begin(async (tx) => {
    await tx`SELECT 1 FROM polls WHERE id = ${poll.id} FOR UPDATE`;
    if (!poll.multiple && await hasVoted(tx, poll.id, voterId)) {
      throw invalid("Validation failed: You have already voted on this poll");
    }
    const added = await insertVoteChoice(tx, poll.id, voterId, choice, uri);
    if (added) {
      await deps.effects.record(tx, {
        type: "poll.voted",
        pollId: poll.id,
        statusId: status.id,
        accountId: voterId,
        choices: [choice],
      });
    }
    return added;
  });
  return updated;
}
