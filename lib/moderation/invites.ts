/**
 * Invites (Mastodon's Invite): a user holding `invite_users` makes a link with a number of uses,
 * an expiry and optionally "follow me"; whoever signs up through it is approved at once, even
 * with registrations closed or needing approval (an IP block asking for approval still wins:
 * sign-up-gate.ts). Moderators with `manage_invites` see every invite and expire any of them.
 */
import type { Sql } from "../db/client.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { type Actor, can, requirePermission } from "./permissions.ts";
import { recordAction } from "./audit-log.ts";
import * as db from "./invites-db.ts";

export type { InviteRow } from "./invites-db.ts";
export { findUsableInvite } from "./invites-db.ts";

/** Mastodon's choices in the invite form: uses, and seconds until expiry. */
export const INVITE_MAX_USES = [1, 5, 10, 25, 50, 100] as const;
export const INVITE_EXPIRIES: [number, string][] = [
  [1800, "30 minutes"],
  [3600, "1 hour"],
  [21600, "6 hours"],
  [43200, "12 hours"],
  [86400, "1 day"],
  [604800, "1 week"],
];

export interface InviteInput {
  /** null: unlimited. */
  maxUses: number | null;
  /** Seconds; null: never. */
  expiresIn: number | null;
  autofollow: boolean;
  comment?: string | null;
}

/** Whether the invite can still be used (the row's own fields; its maker's state aside). */
export function isInviteUsable(
  invite: db.InviteRow,
  now = new Date(),
): boolean {
  return (invite.expires_at === null || invite.expires_at > now) &&
    (invite.max_uses === null || invite.uses < invite.max_uses);
}

function newCode(): string {
  // Mastodon's codes are 8 characters of [a-zA-Z0-9]; these are as hard to guess.
  const alphabet =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
}

export async function createInvite(
  sql: Sql,
  actor: Actor | null,
  userId: string,
  input: InviteInput,
): Promise<db.InviteRow> {
  requirePermission(actor, "invite_users");
  if (
    input.maxUses !== null &&
    !(Number.isInteger(input.maxUses) && input.maxUses > 0)
  ) {
    throw invalid("Max uses must be a positive number", "max_uses");
  }
  if (input.expiresIn !== null && !(input.expiresIn > 0)) {
    throw invalid(
      "Expires in must be a positive number of seconds",
      "expires_in",
    );
  }
  const comment = input.comment?.trim().slice(0, 420) || null;
  const id = await db.insertInvite(sql, {
    user_id: userId,
    code: newCode(),
    max_uses: input.maxUses,
    expires_at: input.expiresIn === null
      ? null
      : new Date(Date.now() + input.expiresIn * 1000),
    autofollow: input.autofollow,
    comment,
  });
  return (await db.findInvite(sql, { id }))!;
}

/** The invites `userId` made (their own page). */
export async function ownInvites(
  sql: Sql,
  actor: Actor | null,
  userId: string,
): Promise<db.InviteRow[]> {
  requirePermission(actor, "invite_users");
  return await db.listInvites(sql, { userId, limit: 200 });
}

/** Every invite (`manage_invites`), for /admin/invites. */
export async function allInvites(
  sql: Sql,
  actor: Actor | null,
): Promise<db.InviteRow[]> {
  requirePermission(actor, "manage_invites");
  return await db.listInvites(sql, { limit: 200 });
}

/** One invite (`manage_invites`); 404 when unknown. */
export async function getInvite(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.InviteRow> {
  requirePermission(actor, "manage_invites");
  const invite = await db.findInvite(sql, { id });
  if (!invite) throw notFound();
  return invite;
}

/**
 * Expires an invite now: its maker may (with `invite_users`), and so may a moderator with
 * `manage_invites`, whose action is logged.
 */
export async function expireInvite(
  sql: Sql,
  actor: Actor | null,
  userId: string,
  id: string,
): Promise<db.InviteRow> {
  const invite = await db.findInvite(sql, { id });
  if (!invite) throw notFound();
  const own = String(invite.user_id) === String(userId) &&
    can(actor, "invite_users");
  if (!own) requirePermission(actor, "manage_invites");
  await sql.begin(async (tx) => {
    await db.expireInviteRow(tx, invite.id);
    if (!own) {
      await recordAction(tx, {
        accountId: actor!.accountId,
        action: "expire",
        targetType: "Invite",
        targetId: invite.id,
        humanIdentifier: invite.code,
      });
    }
  });
  return (await db.findInvite(sql, { id }))!;
}
