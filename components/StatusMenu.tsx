import type { UiStatus } from "./mastodon.ts";
import type { StatusContext } from "./StatusCard.tsx";
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
      <summary class="icon-button" title="More">
        <span aria-hidden="true">⋯</span>
        <span class="visually-hidden">More actions for this post</span>
      </summary>
      <div class="menu-items">
        {status.url && <CopyLink url={status.url} />}
        {status.muted
          ? action("unmute", "Unmute conversation")
          : action("mute", "Mute conversation")}
        {own && pinnable &&
          (status.pinned
            ? action("unpin", "Unpin from profile")
            : action("pin", "Pin on profile"))}
        {own && <a class="menu-item" href={`${path}/edit`}>Edit</a>}
        {own && (
          <a class="menu-item danger" href={`${path}/delete`}>
            Delete or redraft
          </a>
        )}
        {!own && (
          <a class="menu-item danger" href={`${path}/report`}>
            Report @{status.account.acct}
          </a>
        )}
      </div>
    </details>
  );
}
