/**
 * A poll on a post being written: its options, single or multiple choice, hidden totals and
 * how long it runs. Without JavaScript the form carries four option fields (blank ones are
 * ignored); with it, two to start and "Add option" / "Remove" buttons. Either way a poll is
 * sent when any option is filled in, and the server's rules (lib/domain/status-input.ts) judge it.
 */
import { fill } from "../lib/i18n/fill.ts";
import { formatDuration } from "./format.ts";
import type { ComposeMessages } from "../lib/i18n/en/compose.ts";

export const MAX_POLL_OPTIONS = 4;
export const MIN_POLL_OPTIONS = 2;

export interface PollDraft {
  options: string[];
  multiple: boolean;
  hideTotals: boolean;
  /** Seconds. */
  expiresIn: number;
}

/** The lengths offered, in seconds, with the unit they are spelled out in. */
export const POLL_DURATIONS: [number, number, "minute" | "hour" | "day"][] = [
  [300, 5, "minute"],
  [1800, 30, "minute"],
  [3600, 1, "hour"],
  [21600, 6, "hour"],
  [86400, 1, "day"],
  [259200, 3, "day"],
  [604800, 7, "day"],
];

export function emptyPoll(slots = MIN_POLL_OPTIONS): PollDraft {
  return {
    options: Array.from({ length: slots }, () => ""),
    multiple: false,
    hideTotals: false,
    expiresIn: 86400,
  };
}

/** A draft is a poll once any option has text. */
export function pollWanted(poll: PollDraft): boolean {
  return poll.options.some((o) => o.trim() !== "");
}

export function ComposePoll(
  { id, poll, onChange, interactive, labels: t, locale }: {
    id: string;
    labels: ComposeMessages["box"];
    locale: string;
    poll: PollDraft;
    onChange: (poll: PollDraft) => void;
    /** JavaScript runs: show add/remove buttons instead of the four fixed fields. */
    interactive: boolean;
  },
) {
  const set = (change: Partial<PollDraft>) => onChange({ ...poll, ...change });
  const options = interactive ? poll.options : [
    ...poll.options,
    ...Array.from(
      { length: MAX_POLL_OPTIONS - poll.options.length },
      () => "",
    ),
  ].slice(0, MAX_POLL_OPTIONS);
  return (
    <details class="compose-poll" open={pollWanted(poll) || undefined}>
      <summary>{t.addPoll}</summary>
      <fieldset>
        <legend class="visually-hidden">{t.poll}</legend>
        {options.map((option, index) => (
          <div class="compose-poll-option" key={index}>
            <label for={`${id}-poll-${index}`}>
              {fill(t.pollOption, { n: index + 1 })}
            </label>
            <input
              id={`${id}-poll-${index}`}
              name="poll_options"
              value={option}
              maxLength={50}
              onInput={(e) =>
                set({
                  options: poll.options.map((o, i) =>
                    i === index ? (e.target as HTMLInputElement).value : o
                  ),
                })}
            />
            {interactive && poll.options.length > MIN_POLL_OPTIONS && (
              <button
                type="button"
                class="small secondary"
                onClick={() =>
                  set({ options: poll.options.filter((_, i) => i !== index) })}
              >
                {t.removePollOption}
                <span class="visually-hidden">
                  {" "}
                  {fill(t.removedPollOption, { n: index + 1 })}
                </span>
              </button>
            )}
          </div>
        ))}
        {interactive && poll.options.length < MAX_POLL_OPTIONS && (
          <button
            type="button"
            class="small secondary"
            onClick={() => set({ options: [...poll.options, ""] })}
          >
            {t.addPollOption}
          </button>
        )}
        <label for={`${id}-poll-duration`}>{t.pollLength}</label>
        <select
          id={`${id}-poll-duration`}
          name="poll_expires_in"
          onChange={(e) =>
            set({
              expiresIn: Number((e.target as HTMLSelectElement).value),
            })}
        >
          {POLL_DURATIONS.map(([seconds, amount, unit]) => (
            <option
              value={String(seconds)}
              selected={seconds === poll.expiresIn}
            >
              {formatDuration(amount, unit, locale)}
            </option>
          ))}
        </select>
        <label class="checkbox">
          <input
            type="checkbox"
            name="poll_multiple"
            value="on"
            checked={poll.multiple}
            onChange={(e) =>
              set({ multiple: (e.target as HTMLInputElement).checked })}
          />
          {t.pollMultiple}
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            name="poll_hide_totals"
            value="on"
            checked={poll.hideTotals}
            onChange={(e) =>
              set({ hideTotals: (e.target as HTMLInputElement).checked })}
          />
          {t.pollHideTotals}
        </label>
      </fieldset>
    </details>
  );
}
