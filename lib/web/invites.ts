/** Invites as the invite pages show them (components/InviteTable.tsx). */
import { type InviteRow, isInviteUsable } from "../moderation/mod.ts";
import type { InviteView } from "../../components/InviteTable.tsx";

export function inviteView(invite: InviteRow, origin: string): InviteView {
  return {
    id: String(invite.id),
    url: `${origin}/invite/${invite.code}`,
    inviter: invite.inviter_username,
    uses: invite.uses,
    maxUses: invite.max_uses,
    expiresAt: invite.expires_at?.toISOString() ?? null,
    usable: isInviteUsable(invite),
    autofollow: invite.autofollow,
    comment: invite.comment,
  };
}
