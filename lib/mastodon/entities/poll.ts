/** The Poll entity. Totals are hidden until the poll ends when `hide_totals` is set. */
import type { PollRow } from "../../db/polls.ts";
import type { Poll } from "./types.ts";

export function pollJson(
  poll: PollRow,
  ownVotes: number[] | null,
  viewerId: string | null,
): Poll {
  const expired = poll.expires_at !== null &&
    poll.expires_at.getTime() <= Date.now();
  const showTotals = !poll.hide_totals || expired ||
    viewerId === poll.account_id;
  return {
    id: poll.id,
    expires_at: poll.expires_at?.toISOString() ?? null,
    expired,
    multiple: poll.multiple,
    votes_count: poll.votes_counts.reduce((a, b) => a + b, 0),
    voters_count: poll.multiple ? poll.voters_count : poll.voters_count,
    options: poll.options.map((title, i) => ({
      title,
      votes_count: showTotals ? poll.votes_counts[i] ?? 0 : null,
    })),
    emojis: [],
    ...(viewerId
      ? {
        voted: viewerId === poll.account_id || (ownVotes?.length ?? 0) > 0,
        own_votes: ownVotes ?? [],
      }
      : {}),
  };
}
