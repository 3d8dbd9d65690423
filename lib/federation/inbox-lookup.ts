/**
 * What an incoming activity names, looked up for the inbox listeners: its actor (a remote
 * account, fetched when unknown or stale) and our own accounts by their actor URIs.
 */
import type { InboxContext } from "@fedify/fedify";
import type { Activity } from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountByUsername } from "../db/accounts.ts";
import { resolveActorUri } from "./remote-accounts.ts";

export type InboxCtx = InboxContext<Deps>;

/** The remote account of the activity's actor (fetched when unknown or stale). */
export async function actorAccount(
  ctx: InboxCtx,
  activity: Activity,
): Promise<AccountRow | null> {
  if (!activity.actorId) return null;
  const account = await resolveActorUri(ctx, activity.actorId);
  return account?.domain ? account : null;
}

/** A local account from one of our actor URIs. */
export async function localAccountFromUri(
  ctx: InboxCtx,
  uri: URL | null,
): Promise<AccountRow | null> {
  if (!uri) return null;
  const parsed = ctx.parseUri(uri);
  if (parsed?.type !== "actor") return null;
  return await findAccountByUsername(ctx.data.sql, parsed.identifier, null);
}

export function sameOrigin(
  a: URL | null | undefined,
  b: URL | string | null | undefined,
): boolean {
  return Boolean(a && b && a.origin === new URL(b).origin);
}
