import { useState } from "preact/hooks";
import { api } from "../components/api.ts";
import type { UiPoll } from "../components/mastodon.ts";
import {
  formatCount,
  formatDateTime,
  formatRelative,
} from "../components/format.ts";
import { fill } from "../lib/i18n/fill.ts";
import type { PollMessages } from "../lib/i18n/en/poll.ts";

export interface PollViewProps {
  poll: UiPoll;
  /** Signed in and not the author: may vote while the poll is open. */
  canVote: boolean;
  csrf: string;
  returnTo: string;
  /** The page language's strings (lib/i18n `poll`). */
  labels: PollMessages;
  /** The page's locale, for counts and times. */
  locale: string;
}

/**
 * A poll on a post: its options as a vote form (radios, or checkboxes for multiple choice)
 * while the viewer may still vote, else the results. Without JavaScript the form posts to
 * `/polls/:id/votes` and comes back; with it, the vote goes through the API and the results
 * replace the form in place.
 */
export default function PollView(props: PollViewProps) {
  const [poll, setPoll] = useState(props.poll);
  const [chosen, setChosen] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = !poll.expired;
  const voting = props.canVote && open && !poll.voted;

  async function vote(event: Event) {
    event.preventDefault();
    if (busy || chosen.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      setPoll(
        await api<UiPoll>(`/api/v1/polls/${poll.id}/votes`, {
          method: "POST",
          body: { choices: chosen },
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function pick(index: number, on: boolean) {
    setChosen((current) =>
      poll.multiple
        ? on ? [...current, index] : current.filter((i) => i !== index)
        : [index]
    );
  }

  const { labels: t, locale } = props;
  const voters = poll.voters_count ?? poll.votes_count;
  const summary = (
    <p class="poll-summary">
      {fill(voters === 1 ? t.votersOne : t.votersMany, {
        count: formatCount(voters, locale),
      })} · {poll.expires_at
        ? (
          <time
            datetime={poll.expires_at}
            title={formatDateTime(poll.expires_at, locale)}
          >
            {fill(open ? t.endsIn : t.closed, {
              time: formatRelative(poll.expires_at, locale),
            })}
          </time>
        )
        : t.noEndDate}
      {poll.multiple && ` · ${t.multipleChoice}`}
    </p>
  );

  if (voting) {
    return (
      <form
        class="poll"
        method="post"
        action={`/polls/${poll.id}/votes`}
        onSubmit={vote}
      >
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="return_to" value={props.returnTo} />
        <fieldset>
          <legend class="visually-hidden">
            {poll.multiple ? t.chooseSeveral : t.chooseOne}
          </legend>
          {poll.options.map((option, index) => (
            <label class="checkbox poll-option" key={index}>
              <input
                type={poll.multiple ? "checkbox" : "radio"}
                name="choices"
                value={String(index)}
                checked={chosen.includes(index)}
                onChange={(e) =>
                  pick(index, (e.target as HTMLInputElement).checked)}
              />
              <span>{option.title}</span>
            </label>
          ))}
        </fieldset>
        <div class="poll-footer">
          <button type="submit" class="small" disabled={busy}>
            {busy ? t.voting : t.vote}
          </button>
          {summary}
        </div>
        {error && <p class="poll-error" role="alert">{error}</p>}
      </form>
    );
  }

  const hidden = poll.options.some((o) => o.votes_count === null);
  // As Mastodon: a multiple-choice option's share is of the people who voted, not the votes.
  const base = poll.multiple
    ? poll.voters_count ?? poll.votes_count
    : poll.votes_count;
  const most = Math.max(0, ...poll.options.map((o) => o.votes_count ?? 0));
  return (
    <div class="poll" role="group" aria-label={t.results}>
      <ul class="poll-results">
        {poll.options.map((option, index) => {
          const votes = option.votes_count ?? 0;
          const share = base > 0 ? Math.round((votes / base) * 100) : 0;
          const mine = poll.own_votes?.includes(index);
          return (
            <li
              key={index}
              class={!hidden && votes === most && most > 0
                ? "poll-result leading"
                : "poll-result"}
            >
              {!hidden && <span class="poll-share">{share}%</span>}
              <span class="poll-title">
                {option.title}
                {mine && <span class="chip poll-mine">{t.yourVote}</span>}
              </span>
              {!hidden && (
                // A <progress> draws the bar: the page's CSP allows no inline styles.
                <progress
                  class="poll-bar"
                  max={100}
                  value={share}
                  aria-hidden="true"
                />
              )}
              {!hidden && (
                <span class="visually-hidden">
                  {fill(votes === 1 ? t.votesOne : t.votesMany, {
                    count: formatCount(votes, locale),
                  })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {hidden && <p class="poll-hidden">{t.totalsHidden}</p>}
      {summary}
    </div>
  );
}
