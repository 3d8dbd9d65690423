/**
 * A poll on a post (islands/PollView.tsx): voting and its results. Strings only: they travel to
 * the island as a prop. `{…}` marks what `fill()` puts in.
 */
export const poll = {
  /** `{count}`: always 1. */
  votersOne: "{count} person voted",
  votersMany: "{count} people voted",
  /** `{time}`: how far off, as `formatRelative` says it ("in 2 hours"). */
  endsIn: "Ends {time}",
  /** `{time}`: how long ago ("3 days ago"). */
  closed: "Closed {time}",
  noEndDate: "No end date",
  multipleChoice: "Multiple choice",
  chooseOne: "Choose one",
  chooseSeveral: "Choose one or more",
  vote: "Vote",
  voting: "Voting…",
  results: "Poll results",
  yourVote: "Your vote",
  /** Read out after an option's share. */
  votesOne: "{count} vote",
  votesMany: "{count} votes",
  totalsHidden: "Results are hidden until the poll ends.",
};

export type PollMessages = typeof poll;
