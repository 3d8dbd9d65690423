import { useState } from "preact/hooks";
import { api } from "../components/api.ts";
import type { UiRelationship } from "../components/mastodon.ts";
import type { AccountActionsMessages } from "../lib/i18n/en/account-actions.ts";

export interface FollowButtonProps {
  accountId: string;
  /** `alice` or `bob@remote.example`: the fallback form posts to `/@<acct>/follow`. */
  acct: string;
  displayName: string;
  following: boolean;
  requested: boolean;
  locked: boolean;
  csrf: string;
  returnTo: string;
  /** In the page's language (lib/i18n `accountActions`). */
  labels: FollowLabels;
}

export type FollowLabels = Pick<
  AccountActionsMessages,
  "follow" | "requestToFollow" | "unfollow" | "cancelFollowRequest"
>;

/** Follow / Unfollow / Cancel request, as a form that works without JavaScript. */
export default function FollowButton(props: FollowButtonProps) {
  const [relation, setRelation] = useState({
    following: props.following,
    requested: props.requested,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = relation.following || relation.requested;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api<UiRelationship>(
        `/api/v1/accounts/${props.accountId}/${active ? "unfollow" : "follow"}`,
        { method: "POST" },
      );
      setRelation({ following: result.following, requested: result.requested });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const t = props.labels;
  const label = relation.following
    ? t.unfollow
    : relation.requested
    ? t.cancelFollowRequest
    : props.locked
    ? t.requestToFollow
    : t.follow;
  return (
    <form
      method="post"
      action={`/@${props.acct}/${active ? "unfollow" : "follow"}`}
      class="follow-form"
      onSubmit={submit}
    >
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="return_to" value={props.returnTo} />
      <button
        type="submit"
        class={active
          ? "button secondary follow-button"
          : "button follow-button"}
        disabled={busy}
        aria-describedby={error ? `follow-error-${props.accountId}` : undefined}
      >
        {label}
        <span class="visually-hidden">{props.displayName}</span>
      </button>
      {error && (
        <span
          class="action-error"
          id={`follow-error-${props.accountId}`}
          role="alert"
        >
          {error}
        </span>
      )}
    </form>
  );
}
