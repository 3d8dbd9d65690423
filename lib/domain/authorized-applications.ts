/**
 * The apps a user has let into their account (Mastodon's authorized applications), and taking
 * that back. The built-in web app is not one of them: its tokens are the browser sessions,
 * ended by signing out.
 */
import type { Queryable, Sql } from "../db/client.ts";
import * as db from "../db/oauth.ts";
import type { Effects } from "./effects.ts";
import { notFound } from "./errors.ts";
import { WEB_APP_CLIENT_ID } from "./sessions.ts";

export interface AuthorizedApplication {
  id: string;
  name: string;
  website: string | null;
  scopes: string[];
  authorizedAt: Date;
  lastUsedAt: Date | null;
}

/** The apps holding live tokens of the user, newest grant first. */
export async function listAuthorizedApplications(
  sql: Queryable,
  userId: string,
): Promise<AuthorizedApplication[]> {
  const rows = await db.listAuthorizedApplications(
    sql,
    userId,
    WEB_APP_CLIENT_ID,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    website: row.website,
    scopes: [...new Set(row.scopes.split(" ").filter(Boolean))],
    authorizedAt: row.authorized_at,
    lastUsedAt: row.last_used_at,
  }));
}

/**
 * Takes back a user's grant to an app: all their tokens of it stop working, and (with `effects`)
 * its open streams end at once. An unknown app, or the web app, is a 404.
 */
export async function revokeAuthorizedApplication(
  sql: Sql,
  userId: string,
  applicationId: string,
  effects?: Effects,
): Promise<void> {
  const app = /^\d{1,19}$/.test(applicationId)
    ? await db.findApplicationById(sql, applicationId)
    : null;
  if (!app || app.client_id === WEB_APP_CLIENT_ID) throw notFound();
  await sql.begin(async (tx) => {
    const tokenIds = await db.revokeUserApplicationTokens(tx, userId, app.id);
    if (tokenIds.length) {
      await effects?.record(tx, { type: "token.revoked", tokenIds });
    }
  });
}
