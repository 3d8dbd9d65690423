import type { UiStatus } from "./mastodon.ts";
import { fill, type StatusContext } from "./StatusCard.tsx";
import { enStatus } from "../lib/i18n/en-status.ts";
import CopyLink from "../islands/CopyLink.tsx";

/**
 * A post's "More" menu: a `<details>` that opens without JavaScript, holding small POST forms
 * (pin, mute conversation; bookmarking is on the action bar) and links to the pages that ask first (edit, delete,
 * report). `path` is the post's page; the forms post to `<path>/<action>`.
 */
export function StatusMenu(
  { status, context, path }: {
    status: UiStatus;
    context: StatusContext;
    path: string;
  },
) {
  const own = context.accountId === status.account.id;
  const labels = context.labels ?? enStatus;
  const pinnable = status.visibility === "public" ||
    status.visibility === "unlisted";
  const action = (verb: string, label: string) => (
    <form method="post" action={`${path}/${verb}`}>
      <input type="hidden" name="_csrf" value={context.csrf} />
      <input type="hidden" name="return_to" value={context.returnTo} />
      <button type="submit" class="menu-item">{label}</button>
    </form>
  );
  return (
    <details class="status-menu">
      <summary class="icon-button" title={labels.more}>
        <span aria-hidden="true">⋯</span>
        <span class="visually-hidden">{labels.moreActions}</span>
      </summary>
      <div class="menu-items">
        {status.url && (
          <CopyLink
            url={status.url}
            label={labels.copyLink}
            copiedLabel={labels.linkCopied}
          />
        )}
        {status.muted
          ? action("unmute", labels.unmute)
          : action("mute", labels.mute)}
        {own && pinnable &&
          (status.pinned
            ? action("unpin", labels.unpin)
            : action("pin", labels.pin))}
        {own && <a class="menu-item" href={`${path}/edit`}>{labels.edit}</a>}
        {own && (
          <a class="menu-item danger" href={`${path}/delete`}>
            {labels.deleteOrRedraft}
          </a>
        )}
        {!own && (
          <a class="menu-item danger" href={`${path}/report`}>
            {fill(labels.report, { acct: status.account.acct })}
          </a>
        )}
      </div>
    </details>
  );
}
