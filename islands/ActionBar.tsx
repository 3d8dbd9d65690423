import { useState } from "preact/hooks";
import { Icon, type IconName } from "../components/Icon.tsx";
import { api } from "../components/api.ts";
import { formatCount } from "../components/format.ts";
import type { UiStatus } from "../components/mastodon.ts";
import type { StatusLabels } from "../components/StatusCard.tsx";
import { enStatus } from "../lib/i18n/en-status.ts";

export interface ActionBarProps {
  id: string;
  /** The status page, `/@acct/id`; fallback forms post to `<path>/<action>`. */
  path: string;
  repliesCount: number;
  reblogsCount: number;
  favouritesCount: number;
  favourited: boolean;
  reblogged: boolean;
  bookmarked: boolean;
  /** Private and direct statuses can't be boosted. */
  canBoost: boolean;
  csrf: string;
  returnTo: string;
  /** The buttons' names in the page's language (English when not given). */
  labels?: ActionLabels;
  /** The page's locale, for the counts (`1.234` in German). */
  locale?: string;
}

/** The action bar's part of a post's strings (lib/i18n). */
export type ActionLabels = Pick<
  StatusLabels,
  "reply" | "boost" | "boostUnavailable" | "favourite" | "bookmark"
>;

type Toggle = "favourite" | "reblog" | "bookmark";

// A toggle keeps its name; `aria-pressed` says whether it is on.
const TOGGLES: Record<Toggle, [label: keyof ActionLabels, icon: IconName]> = {
  favourite: ["favourite", "star"],
  reblog: ["boost", "boost"],
  bookmark: ["bookmark", "bookmark"],
};

/**
 * Reply, boost, favourite and bookmark for one status. Without JavaScript each toggle is a
 * small POST form; with it, the same forms call the Mastodon API and update in place.
 */
export default function ActionBar(props: ActionBarProps) {
  const labels = props.labels ?? enStatus;
  const [state, setState] = useState({
    favourited: props.favourited,
    reblogged: props.reblogged,
    bookmarked: props.bookmarked,
    favourites: props.favouritesCount,
    reblogs: props.reblogsCount,
  });
  const [busy, setBusy] = useState<Toggle | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pressed = (kind: Toggle) =>
    kind === "favourite"
      ? state.favourited
      : kind === "reblog"
      ? state.reblogged
      : state.bookmarked;

  async function toggle(kind: Toggle, event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(kind);
    setError(null);
    const verb = pressed(kind) ? `un${kind}` : kind;
    try {
      const result = await api<UiStatus>(
        `/api/v1/statuses/${props.id}/${verb}`,
        { method: "POST" },
      );
      // A boost answers with the wrapping status; the counts live on the original.
      const status = kind === "reblog" && result.reblog
        ? result.reblog
        : result;
      setState({
        favourited: kind === "favourite"
          ? !state.favourited
          : status.favourited ?? state.favourited,
        reblogged: kind === "reblog"
          ? !state.reblogged
          : status.reblogged ?? state.reblogged,
        bookmarked: kind === "bookmark"
          ? !state.bookmarked
          : status.bookmarked ?? state.bookmarked,
        favourites: status.favourites_count ?? state.favourites,
        reblogs: status.reblogs_count ?? state.reblogs,
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const count = (n: number) => (
    <span class="count">{formatCount(n, props.locale)}</span>
  );

  const toggleForm = (kind: Toggle, n: number | null) => {
    const on = pressed(kind);
    const [labelKey, icon] = TOGGLES[kind];
    const label = labels[labelKey];
    return (
      <form
        method="post"
        action={`${props.path}/${on ? "un" + kind : kind}`}
        class={`action action-${kind}`}
        onSubmit={(e) => toggle(kind, e)}
      >
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="return_to" value={props.returnTo} />
        <button
          type="submit"
          class="icon-button"
          aria-pressed={on ? "true" : "false"}
          aria-label={label}
          title={label}
          disabled={busy === kind}
        >
          <Icon name={icon} />
        </button>
        {n !== null && count(n)}
      </form>
    );
  };

  return (
    <div class="action-bar">
      <span class="action action-reply">
        <a
          class="icon-button"
          href={`${props.path}#compose`}
          aria-label={labels.reply}
          title={labels.reply}
        >
          <Icon name="reply" />
        </a>
        {count(props.repliesCount)}
      </span>
      {props.canBoost
        ? toggleForm("reblog", state.reblogs)
        : (
          <span class="action">
            <button
              type="button"
              class="icon-button"
              disabled
              aria-label={labels.boostUnavailable}
            >
              <Icon name="boost" />
            </button>
            {count(state.reblogs)}
          </span>
        )}
      {toggleForm("favourite", state.favourites)}
      {toggleForm("bookmark", null)}
      {error && <span class="action-error" role="alert">{error}</span>}
    </div>
  );
}
