/**
 * Editing and deleting statuses, local and remote. Both keep history honest: an edit stores the
 * previous and new versions in `status_edits`; a delete leaves a tombstone for remote URIs so a
 * late Create is ignored.
 */
import type { Queryable, Tx } from "../db/client.ts";
import { findMediaByIds } from "../db/status-bundle.ts";
import * as db from "../db/statuses.ts";
import type { StatusRow } from "../db/statuses.ts";
import { findPoll, updatePollOptions } from "../db/polls.ts";
import { insertRemoteMedia, type RemoteMediaRow } from "../db/media.ts";
import { countStatusLength } from "../text/compose.ts";
import { replaceLinks } from "../db/status-links.ts";
import { linkedUrls } from "../text/links.ts";
import { invalid, notFound } from "./errors.ts";
import { removeDirectStatus } from "./conversations.ts";
import {
  MAX_MEDIA,
  MAX_STATUS_LENGTH,
  type PollInput,
  renderText,
  validatePoll,
} from "./status-input.ts";
import type { StatusDeps } from "./statuses.ts";
import type { Deps } from "../deps.ts";
import { discardStatusMediaLater } from "./media-discard.ts";
import { applyMediaAttributes, type MediaAttributes } from "./media.ts";
import type { DomainEvent } from "./effects.ts";

export interface StatusChanges {
  content: string;
  text?: string;
  spoilerText?: string;
  sensitive?: boolean;
  language?: string | null;
  mentionedAccountIds?: string[];
  tags?: string[];
  mediaIds?: string[];
  /** Remote: the post's attachments now, stored in the edit's transaction (replacing mediaIds). */
  remoteMedia?: RemoteMediaRow[];
  poll?: PollInput | null;
  editedAt?: Date;
}

/**
 * Applies an edit to any status (the inbox calls it for `Update(Note)`): records the version
 * before (on the first edit, the original too) and after, updates mentions, tags and media.
 */
export async function applyStatusEdit(
  tx: Tx,
  status: StatusRow,
  changes: StatusChanges,
): Promise<StatusRow> {
  const previousMedia = await db.mediaIdsOf(tx, status.id);
  const previousPoll = status.poll_id
    ? await findPoll(tx, status.poll_id)
    : null;
  const history = await db.listStatusEdits(tx, status.id);
  if (history.length === 0) {
    await db.insertStatusEdit(tx, {
      status_id: status.id,
      account_id: status.account_id,
      text: status.text,
      content: status.content,
      spoiler_text: status.spoiler_text,
      sensitive: status.sensitive,
      media_ids: previousMedia,
      poll_options: previousPoll?.options ?? null,
      created_at: status.created_at,
    });
  }
  const editedAt = changes.editedAt ?? new Date();
  let mediaIds = changes.mediaIds;
  if (changes.remoteMedia) {
    // The previous attachments stay (unattached) for the edit history.
    await db.detachMediaExcept(tx, status.id, []);
    mediaIds = await insertRemoteMedia(
      tx,
      status.account_id,
      status.id,
      changes.remoteMedia,
    );
  } else if (changes.mediaIds) {
    await db.detachMediaExcept(tx, status.id, changes.mediaIds);
    const attached = await db.attachMedia(
      tx,
      status.id,
      status.account_id,
      changes.mediaIds,
    );
    if (attached !== changes.mediaIds.length) {
      throw invalid("Media could not be attached", "media_ids");
    }
  }
  if (changes.poll && status.poll_id) {
    const same = previousPoll &&
      previousPoll.options.join("\n") === changes.poll.options.join("\n");
    if (!same) {
      await updatePollOptions(tx, status.poll_id, {
        options: changes.poll.options,
        multiple: changes.poll.multiple ?? false,
        hide_totals: changes.poll.hideTotals ?? false,
        expires_at: changes.poll.expiresAt ??
          new Date(Date.now() + (changes.poll.expiresIn ?? 86400) * 1000),
      });
    }
  }
  const updated = await db.updateStatusRow(tx, status.id, {
    content: changes.content,
    text: changes.text ?? status.text,
    spoiler_text: changes.spoilerText ?? status.spoiler_text,
    sensitive: changes.sensitive ?? status.sensitive,
    language: changes.language === undefined
      ? status.language
      : changes.language,
    edited_at: editedAt,
  });
  if (changes.mentionedAccountIds) {
    await db.replaceMentions(tx, status.id, changes.mentionedAccountIds);
  }
  if (changes.tags) {
    await db.replaceTags(
      tx,
      status.id,
      changes.tags.map((n) => ({ name: n, display_name: n })),
    );
  }
  if (updated.content !== status.content) {
    await replaceLinks(tx, status.id, linkedUrls(updated.content));
  }
  const poll = updated.poll_id ? await findPoll(tx, updated.poll_id) : null;
  await db.insertStatusEdit(tx, {
    status_id: status.id,
    account_id: status.account_id,
    text: updated.text,
    content: updated.content,
    spoiler_text: updated.spoiler_text,
    sensitive: updated.sensitive,
    media_ids: mediaIds ?? previousMedia,
    poll_options: poll?.options ?? null,
    created_at: editedAt,
  });
  return updated;
}

export interface EditStatusInput {
  status?: string;
  spoilerText?: string;
  sensitive?: boolean;
  language?: string;
  mediaIds?: string[];
  /** Alt text and focal points of the attached files (Mastodon's `media_attributes`). */
  mediaAttributes?: MediaAttributes[];
  poll?: PollInput | null;
}

/** `PUT /api/v1/statuses/:id`: the author edits a local status. */
export async function editStatus(
  deps: StatusDeps,
  accountId: string,
  statusId: string,
  input: EditStatusInput,
): Promise<StatusRow> {
  const status = await db.findStatusById(deps.sql, statusId);
  if (!status || status.account_id !== accountId || status.reblog_of_id) {
    throw notFound();
  }
  const text = (input.status ?? status.text).replace(/\r\n?/g, "\n");
  const spoilerText = input.spoilerText ?? status.spoiler_text;
  const mediaIds = input.mediaIds ? [...new Set(input.mediaIds)] : undefined;
  if (
    countStatusLength(text) + countStatusLength(spoilerText) > MAX_STATUS_LENGTH
  ) {
    throw invalid(
      `Text is too long (maximum is ${MAX_STATUS_LENGTH} characters)`,
      "status",
    );
  }
  if (mediaIds && mediaIds.length > MAX_MEDIA) {
    throw invalid("Too many media attachments");
  }
  if (!text.trim() && !(mediaIds?.length) && !status.poll_id) {
    throw invalid("Text can't be blank", "status");
  }
  if (input.poll) validatePoll(input.poll);
  const rendered = await renderText(deps, text);
  return await deps.sql.begin(async (tx) => {
    const updated = await applyStatusEdit(tx, status, {
      content: rendered.html,
      text,
      spoilerText,
      sensitive: input.sensitive ??
        (status.sensitive || spoilerText.length > 0),
      language: input.language ?? status.language,
      mentionedAccountIds: rendered.mentionIds,
      tags: rendered.tags,
      mediaIds,
      poll: input.poll ?? null,
    });
    if (input.mediaAttributes?.length) {
      await applyMediaAttributes(tx, updated.id, input.mediaAttributes);
    }
    await deps.effects.record(tx, {
      type: "status.updated",
      statusId: updated.id,
      accountId,
      local: updated.local,
    });
    return updated;
  });
}

/** For the inbox: `Update(Note)` from the author's server. */
export async function updateRemoteStatus(
  deps: StatusDeps,
  status: StatusRow,
  changes: StatusChanges,
): Promise<StatusRow> {
  return await deps.sql.begin(async (tx) => {
    const updated = await applyStatusEdit(tx, status, changes);
    await deps.effects.record(tx, {
      type: "status.updated",
      statusId: updated.id,
      accountId: updated.account_id,
      local: updated.local,
    });
    return updated;
  });
}

/**
 * Removes a status (and its reblogs) with counters and, for remote ones, a tombstone. Returns
 * the row as it was, for delete-and-redraft. Records `status.deleted` for it and its reblogs.
 */
export async function removeStatus(
  deps: StatusDeps,
  status: StatusRow,
  /** More to do in the deletion's transaction, before the row goes. */
  alsoInTx?: (tx: Tx) => Promise<void>,
): Promise<StatusRow> {
  await deps.sql.begin(async (tx) => {
    await alsoInTx?.(tx);
    const mentioned = await db.mentionedAccountIds(tx, status.id);
    await removeDirectStatus(tx, status);
    const { reblogs } = await db.deleteStatusRow(tx, status.id);
    if (status.in_reply_to_id) {
      await db.adjustCounter(tx, status.in_reply_to_id, "replies_count", -1);
    }
    if (status.reblog_of_id) {
      await db.adjustCounter(tx, status.reblog_of_id, "reblogs_count", -1);
      await tx`DELETE FROM notifications WHERE type = 'reblog'
               AND from_account_id = ${status.account_id} AND status_id = ${status.reblog_of_id}`;
    } else {
      await db.adjustAccountStatusesCount(tx, status.account_id, -1, null);
    }
    if (!status.local) {
      await db.insertTombstone(tx, status.uri, status.account_id);
    }
    await deps.effects.record(
      tx,
      ...deletionEvents(status, mentioned, reblogs),
    );
  });
  return status;
}

function deletionEvents(
  status: StatusRow,
  mentioned: string[],
  reblogs: { id: string; uri: string; account_id: string; created_at: Date }[],
): DomainEvent[] {
  const events: DomainEvent[] = reblogs.map((reblog) => ({
    type: "status.deleted",
    statusId: reblog.id,
    uri: reblog.uri,
    accountId: reblog.account_id,
    local: status.local,
    visibility: status.visibility,
    mentionedAccountIds: [],
    reblogOfId: status.id,
    createdAt: reblog.created_at,
  }));
  events.push({
    type: "status.deleted",
    statusId: status.id,
    uri: status.uri,
    accountId: status.account_id,
    local: status.local,
    visibility: status.visibility,
    mentionedAccountIds: mentioned,
    reblogOfId: status.reblog_of_id,
    createdAt: status.created_at,
  });
  if (status.reblog_of_id) {
    events.push({
      type: "reblog.undone",
      statusId: status.id,
      uri: status.uri,
      reblogOfId: status.reblog_of_id,
      accountId: status.account_id,
    });
  }
  return events;
}

/**
 * `DELETE /api/v1/statuses/:id`: only the author. Its uploads stay for a redraft unless
 * `deleteMedia` (then a job removes them).
 */
export async function deleteStatus(
  deps: StatusDeps & { jobs: Deps["jobs"] },
  accountId: string,
  statusId: string,
  options: { deleteMedia?: boolean } = {},
): Promise<StatusRow> {
  const status = await db.findStatusById(deps.sql, statusId);
  if (!status || status.account_id !== accountId || status.reblog_of_id) {
    throw notFound();
  }
  return await removeStatus(
    deps,
    status,
    options.deleteMedia
      ? (tx) => discardStatusMediaLater(tx, deps.jobs, status)
      : undefined,
  );
}

/**
 * For the inbox: `Delete` of a note by its author (unknown URIs still get a tombstone). The
 * actor is null when a Delete is the first we hear of its sender: a tombstone only.
 */
export async function deleteRemoteStatus(
  deps: StatusDeps,
  uri: string,
  actorAccountId: string | null,
): Promise<StatusRow | null> {
  const status = await db.findStatusByUri(deps.sql, uri);
  if (!status) {
    await db.insertTombstone(deps.sql, uri, actorAccountId);
    return null;
  }
  if (status.account_id !== actorAccountId) return null;
  return await removeStatus(deps, status);
}

/** Versions of a status (oldest first) and the media rows they reference. */
export async function statusHistory(sql: Queryable, status: StatusRow) {
  const edits = await db.listStatusEdits(sql, status.id);
  const ids = [...new Set(edits.flatMap((e) => e.media_ids))];
  const rows = await findMediaByIds(sql, ids);
  return { edits, media: new Map(rows.map((m) => [m.id, m])) };
}
