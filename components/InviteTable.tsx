import { formatDateTime } from "./format.ts";
import type { InvitesMessages } from "../lib/i18n/en/invites.ts";

export interface InviteView {
  id: string;
  url: string;
  inviter: string;
  uses: number;
  maxUses: number | null;
  expiresAt: string | null;
  usable: boolean;
  autofollow: boolean;
  comment: string | null;
}

/**
 * The invites a user made (/invites) or everyone's (/admin/invites): the link, uses, expiry;
 * `expire` renders the way to end a usable one.
 */
export function InviteTable(
  { invites, showInviter, expire, labels: t, locale }: {
    invites: InviteView[];
    showInviter: boolean;
    expire: (invite: InviteView) => preact.ComponentChildren;
    labels: InvitesMessages["table"];
    /** The page's locale, for the expiry dates. */
    locale: string;
  },
) {
  if (invites.length === 0) return <p class="empty">{t.empty}</p>;
  return (
    <table class="invites">
      <thead>
        <tr>
          <th>{t.link}</th>
          {showInviter && <th>{t.by}</th>}
          <th>{t.usesColumn}</th>
          <th>{t.expires}</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        {invites.map((invite) => (
          <tr key={invite.id} class={invite.usable ? "usable" : "expired"}>
            <td>
              <input
                readOnly
                value={invite.url}
                aria-label={t.inviteLink}
                size={36}
              />
              {invite.autofollow && <small>{t.followsYou}</small>}
              {invite.comment && <small>{invite.comment}</small>}
            </td>
            {showInviter && <td>@{invite.inviter}</td>}
            <td>
              {invite.uses}
              {invite.maxUses !== null && ` / ${invite.maxUses}`}
            </td>
            <td>
              {!invite.usable
                ? t.expired
                : invite.expiresAt
                ? formatDateTime(invite.expiresAt, locale)
                : t.never}
            </td>
            <td>{invite.usable && expire(invite)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
