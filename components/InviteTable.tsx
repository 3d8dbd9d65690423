import { formatDateTime } from "./format.ts";

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
  { invites, showInviter, expire }: {
    invites: InviteView[];
    showInviter: boolean;
    expire: (invite: InviteView) => preact.ComponentChildren;
  },
) {
  if (invites.length === 0) return <p class="empty">No invites yet.</p>;
  return (
    <table class="invites">
      <thead>
        <tr>
          <th>Link</th>
          {showInviter && <th>By</th>}
          <th>Uses</th>
          <th>Expires</th>
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
                aria-label="Invite link"
                size={36}
              />
              {invite.autofollow && <small>follows you</small>}
              {invite.comment && <small>{invite.comment}</small>}
            </td>
            {showInviter && <td>@{invite.inviter}</td>}
            <td>
              {invite.uses}
              {invite.maxUses !== null && ` / ${invite.maxUses}`}
            </td>
            <td>
              {!invite.usable
                ? "expired"
                : invite.expiresAt
                ? formatDateTime(invite.expiresAt)
                : "never"}
            </td>
            <td>{invite.usable && expire(invite)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
