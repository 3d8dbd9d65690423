/**
 * Statuses: local posting (`createStatus`: the author's input checked and rendered by
 * `status-input.ts`, written by `insertStatus` in `status-insert.ts`) and loading a status the
 * viewer may see. Edit/delete live in `status-changes.ts`; interactions (favourite, reblog,
 * bookmark, pin, mute) and remote statuses in `interactions.ts`.
 */
import type { Sql } from "../db/client.ts";
import type { AccountRow, UserRow } from "../db/accounts.ts";
import * as db from "../db/statuses.ts";
import type { StatusRow } from "../db/statuses.ts";
import type { DomainEvent, Effects } from "./effects.ts";
import { requireNotMoved } from "./account-moves.ts";
import { forbidden, invalid, notFound } from "./errors.ts";
import { requireVisible } from "./visibility.ts";
import {
  parseVisibility,
  type PollInput,
  renderText,
  validateStatusBody,
} from "./status-input.ts";
import { insertedEvents, insertStatus } from "./status-insert.ts";
import { deleteScheduledStatus } from "../db/scheduled-statuses.ts";

/** What status functions need; `Deps` satisfies it. */
export interface StatusDeps {
  sql: Sql;
  effects: Effects;
  config: { origin: string; host: string };
}

export interface CreateStatusInput {
  status?: string;
  spoilerText?: string;
  sensitive?: boolean;
  visibility?: string;
  inReplyToId?: string;
  language?: string;
  mediaIds?: string[];
  poll?: PollInput | null;
  idempotencyKey?: string;
  applicationId?: string | null;
  /**
   * Publishing this scheduled status (`scheduled-statuses.ts`): its row goes in the same
   * transaction (releasing the uploads it held), and if it is gone already nothing is posted.
   */
  fromScheduledId?: string;
}

export interface LocalAuthor {
  account: AccountRow;
  user: UserRow;
}

/** Mastodon's refusal for a user whose e-mail address is not confirmed yet (lib/mail). */
export const UNCONFIRMED_EMAIL =
  "Your login is missing a confirmed e-mail address";

/** An account whose address waits for confirmation may sign in and read, but not post. */
export function requireConfirmedEmail(
  user: Pick<UserRow, "confirmed_at">,
): void {
  if (!user.confirmed_at) throw forbidden(UNCONFIRMED_EMAIL);
}

/** Posts a local status: validates, renders, inserts, fans out, in one transaction. */
export async function createStatus(
  deps: StatusDeps,
  author: LocalAuthor,
  input: CreateStatusInput,
): Promise<StatusRow> {
  requireConfirmedEmail(author.user);
  requireNotMoved(author.account);
  const text = (input.status ?? "").replace(/\r\n?/g, "\n");
  const spoilerText = input.spoilerText ?? "";
  const mediaIds = [...new Set(input.mediaIds ?? [])];
  validateStatusBody(text, spoilerText, mediaIds, input.poll ?? null);
  const visibility = parseVisibility(
    input.visibility,
    author.user.default_privacy,
  );
  const key = input.idempotencyKey?.slice(0, 200);
  if (key) {
    const existing = await findIdempotent(deps.sql, author.user.id, key);
    if (existing) return existing;
  }
  const rendered = await renderText(deps, text);
  const inserted = await deps.sql.begin(async (tx) => {
    if (
      input.fromScheduledId &&
      !(await deleteScheduledStatus(tx, input.fromScheduledId))
    ) {
      throw notFound("The scheduled status is gone");
    }
    let parent: StatusRow | null = null;
    if (input.inReplyToId) {
      parent = await requireVisible(
        tx,
        { accountId: author.account.id },
        await db.findStatusById(tx, input.inReplyToId),
      ).catch(() => {
        throw invalid(
          "The post you are trying to reply to does not appear to exist",
          "in_reply_to_id",
        );
      });
      if (parent.reblog_of_id) {
        throw invalid("Cannot reply to a boost", "in_reply_to_id");
      }
    }
    const result = await insertStatus(tx, deps.config, {
      accountId: author.account.id,
      authorUsername: author.account.username,
      local: true,
      visibility,
      content: rendered.html,
      text,
      spoilerText,
      sensitive: (input.sensitive ?? false) || spoilerText.length > 0 ||
        (mediaIds.length > 0 && author.user.default_sensitive),
      language: input.language ?? author.user.default_language ?? null,
      inReplyTo: parent,
      applicationId: input.applicationId ?? null,
      mentionedAccountIds: rendered.mentionIds,
      tags: rendered.tags,
      mediaIds,
      poll: input.poll ?? null,
    });
    if (key) {
      await tx`INSERT INTO idempotency_keys (user_id, key, status_id)
               VALUES (${author.user.id}, ${key}, ${result.status.id})`;
    }
    await deps.effects.record(tx, ...insertedEvents(result));
    return result;
  });
  return inserted.status;
}

async function findIdempotent(sql: Sql, userId: string, key: string) {
  const [row] = await sql<{ status_id: string | null }[]>`
    SELECT status_id FROM idempotency_keys WHERE user_id = ${userId} AND key = ${key}
      AND created_at > now() - interval '1 hour'`;
  return row?.status_id ? await db.findStatusById(sql, row.status_id) : null;
}

/** Loads a status the viewer may see, or throws 404 (the same as for a missing one). */
export async function getVisibleStatus(
  deps: { sql: Sql },
  viewerId: string | null,
  id: string,
): Promise<StatusRow> {
  return await requireVisible(
    deps.sql,
    viewerId ? { accountId: viewerId } : null,
    await db.findStatusById(deps.sql, id),
  );
}

/** Loads the viewer's own status or throws 404/403. */
export async function getOwnStatus(
  deps: { sql: Sql },
  accountId: string,
  id: string,
) {
  const status = await getVisibleStatus(deps, accountId, id);
  if (status.account_id !== accountId) throw forbidden();
  if (status.reblog_of_id) throw notFound();
  return status;
}

export type { DomainEvent };
