import { useRef, useState } from "preact/hooks";
import { api } from "../components/api.ts";
import { BlockConsequences } from "../components/BlockConsequences.tsx";
import type { UiRelationship } from "../components/mastodon.ts";
import { fill } from "../lib/i18n/fill.ts";
import type { AccountActionsMessages } from "../lib/i18n/en/account-actions.ts";

export interface ProfileMenuProps {
  accountId: string;
  /** `bob` or `bob@remote.example`: fallback forms post to `/@<acct>/<action>`. */
  acct: string;
  blocking: boolean;
  muting: boolean;
  csrf: string;
  returnTo: string;
  /** In the page's language (lib/i18n `accountActions`). */
  labels: AccountActionsMessages;
}

type Action = "mute" | "unmute" | "block" | "unblock";

/**
 * The "More" menu of a profile: mute/unmute, block/unblock, and a link to report the account. A `<details>` menu of small POST
 * forms that works without JavaScript ("Block" then leads to a confirm page). With JavaScript,
 * block asks in a modal dialog, every action goes through the API, and the page reloads so the
 * profile shows the new state everywhere (follow button, posts).
 */
export default function ProfileMenu(props: ProfileMenuProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);

  async function run(action: Action) {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await api<UiRelationship>(
        `/api/v1/accounts/${props.accountId}/${action}`,
        { method: "POST" },
      );
      location.reload();
    } catch (e) {
      setMessage((e as Error).message);
      setBusy(false);
    }
  }

  const submitWith = (action: Action) => (event: Event) => {
    event.preventDefault();
    run(action);
  };

  const askToBlock = (event: Event) => {
    event.preventDefault();
    if (menu.current) menu.current.open = false;
    dialog.current?.showModal();
  };

  const fallback = (action: Action) => `/@${props.acct}/${action}`;
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="return_to" value={props.returnTo} />
    </>
  );
  const muteAction: Action = props.muting ? "unmute" : "mute";
  const t = props.labels;
  const acct = { acct: props.acct };

  return (
    <div class="profile-menu-wrap">
      <details class="menu" ref={menu}>
        <summary class="button secondary icon-only">
          <span aria-hidden="true">⋯</span>
          <span class="visually-hidden">{fill(t.moreFor, acct)}</span>
        </summary>
        <div class="menu-items">
          <form
            method="post"
            action={fallback(muteAction)}
            onSubmit={submitWith(muteAction)}
          >
            {hidden}
            <button type="submit" class="menu-item" disabled={busy}>
              {fill(props.muting ? t.unmute : t.mute, acct)}
            </button>
          </form>
          {props.blocking
            ? (
              <form
                method="post"
                action={fallback("unblock")}
                onSubmit={submitWith("unblock")}
              >
                {hidden}
                <button type="submit" class="menu-item" disabled={busy}>
                  {fill(t.unblock, acct)}
                </button>
              </form>
            )
            : (
              <a
                href={fallback("block")}
                class="menu-item danger"
                onClick={askToBlock}
              >
                {fill(t.block, acct)}
              </a>
            )}
          <a href={`/@${props.acct}/report`} class="menu-item danger">
            {fill(t.report, acct)}
          </a>
        </div>
      </details>
      <dialog
        ref={dialog}
        class="card confirm-dialog"
        aria-labelledby={`block-title-${props.accountId}`}
      >
        <form method="dialog">
          <h2 id={`block-title-${props.accountId}`}>
            {fill(t.blockQuestion, acct)}
          </h2>
          <BlockConsequences labels={t} />
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() => run("block")}
            >
              {t.blockConfirm}
            </button>
            <button type="submit" class="secondary" value="cancel" autofocus>
              {t.cancel}
            </button>
          </div>
          {message && <p class="action-error" role="alert">{message}</p>}
        </form>
      </dialog>
      {message && !dialog.current?.open && (
        <span class="action-error" role="alert">{message}</span>
      )}
    </div>
  );
}
