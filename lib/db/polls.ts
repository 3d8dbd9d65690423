/** SQL for polls and votes. */
import type { Queryable } from "./client.ts";

export interface PollRow {
  id: string;
  account_id: string;
  options: string[];
  votes_counts: number[];
  multiple: boolean;
  hide_totals: boolean;
  voters_count: number;
  expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export async function insertPoll(
  db: Queryable,
  poll: {
    account_id: string;
    options: string[];
    multiple: boolean;
    hide_totals: boolean;
    expires_at: Date | null;
    votes_counts?: number[];
    voters_count?: number;
  },
): Promise<PollRow> {
  const counts = poll.votes_counts ?? poll.options.map(() => 0);
  const [row] = await db<PollRow[]>`
    INSERT INTO polls (account_id, options, votes_counts, multiple, hide_totals, expires_at,
                       voters_count)
    VALUES (${poll.account_id}, ${poll.options}::text[], ${counts}::int[], ${poll.multiple},
            ${poll.hide_totals}, ${poll.expires_at}, ${poll.voters_count ?? 0})
    RETURNING *`;
  return row;
}

export async function findPoll(
  db: Queryable,
  id: string,
): Promise<PollRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<PollRow[]>`SELECT * FROM polls WHERE id = ${id}`;
  return row ?? null;
}

/** The status that carries a poll (polls are reached through their status's visibility). */
export async function findStatusIdOfPoll(
  db: Queryable,
  pollId: string,
): Promise<string | null> {
  const [row] = await db<{ id: string }[]>`
    SELECT id FROM statuses WHERE poll_id = ${pollId} AND reblog_of_id IS NULL LIMIT 1`;
  return row?.id ?? null;
}

export async function hasVoted(
  db: Queryable,
  pollId: string,
  accountId: string,
) {
  const [row] = await db`SELECT 1 FROM poll_votes WHERE poll_id = ${pollId}
                         AND account_id = ${accountId} LIMIT 1`;
  return Boolean(row);
}

/** Records the choices and bumps the counters; the caller checked the rules. */
export async function insertVotes(
  db: Queryable,
  pollId: string,
  accountId: string,
  choices: number[],
): Promise<PollRow> {
  await db`
    INSERT INTO poll_votes (poll_id, account_id, choice)
    SELECT ${pollId}, ${accountId}, unnest(${choices}::smallint[]) ON CONFLICT DO NOTHING`;
  const [row] = await db<PollRow[]>`
    UPDATE polls SET
      votes_counts = (SELECT array_agg(c + CASE WHEN (i - 1) = ANY(${choices}::int[]) THEN 1 ELSE 0 END
                                       ORDER BY i)
                      FROM unnest(votes_counts) WITH ORDINALITY AS v(c, i)),
      voters_count = voters_count + 1, updated_at = now()
    WHERE id = ${pollId} RETURNING *`;
  return row;
}

/** Own votes for many polls at once: poll id → chosen option indexes. */
export async function loadOwnVotes(
  db: Queryable,
  accountId: string,
  pollIds: string[],
): Promise<Map<string, number[]>> {
  const votes = new Map<string, number[]>();
  if (pollIds.length === 0) return votes;
  const rows = await db<{ poll_id: string; choice: number }[]>`
    SELECT poll_id, choice FROM poll_votes
    WHERE account_id = ${accountId} AND poll_id = ANY(${pollIds}::bigint[]) ORDER BY choice`;
  for (const row of rows) {
    const list = votes.get(row.poll_id) ?? [];
    list.push(row.choice);
    votes.set(row.poll_id, list);
  }
  return votes;
}

export async function updatePollOptions(
  db: Queryable,
  pollId: string,
  changes: {
    options: string[];
    multiple: boolean;
    hide_totals: boolean;
    expires_at: Date | null;
  },
): Promise<void> {
  await db`DELETE FROM poll_votes WHERE poll_id = ${pollId}`;
  await db`
    UPDATE polls SET options = ${changes.options}::text[],
      votes_counts = ${changes.options.map(() => 0)}::int[], voters_count = 0,
      multiple = ${changes.multiple}, hide_totals = ${changes.hide_totals},
      expires_at = ${changes.expires_at}, updated_at = now()
    WHERE id = ${pollId}`;
}

/**
 * Records one more choice of a voter (a remote voter sends one per choice); the voter counts once
 * however many choices. Returns null when that choice was already recorded.
 */
export async function insertVoteChoice(
  db: Queryable,
  pollId: string,
  accountId: string,
  choice: number,
  uri: string | null,
): Promise<PollRow | null> {
  const [previous] = await db<{ count: number }[]>`
    SELECT count(*)::int AS count FROM poll_votes
    WHERE poll_id = ${pollId} AND account_id = ${accountId}`;
  const inserted = await db`
    INSERT INTO poll_votes (poll_id, account_id, choice, uri)
    VALUES (${pollId}, ${accountId}, ${choice}, ${uri}) ON CONFLICT DO NOTHING RETURNING id`;
  if (inserted.length === 0) return null;
  const [row] = await db<PollRow[]>`
    UPDATE polls SET
      votes_counts[${choice + 1}] = votes_counts[${choice + 1}] + 1,
      voters_count = voters_count + ${
    previous.count === 0 ? 1 : 0
  }, updated_at = now()
    WHERE id = ${pollId} RETURNING *`;
  return row;
}
