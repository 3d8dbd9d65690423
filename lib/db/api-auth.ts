/**
 * The API's per-request lookup: a live token with its user and account, in one statement
 * (every authenticated request pays for it, so it must not cost three round trips).
 */
import type { Queryable } from "./client.ts";
import type { TokenRow } from "./oauth.ts";
import type { AccountRow, UserRow } from "./accounts.ts";
import { splitJoined } from "./joined.ts";

export interface TokenOwner {
  token: TokenRow;
  /** Null for an app-only (client_credentials) token. */
  user: UserRow | null;
  account: AccountRow | null;
}

export async function findActiveTokenOwner(
  db: Queryable,
  tokenHash: string,
): Promise<TokenOwner | null> {
  const rows = await db`
    SELECT t.*, u.*, a.*
    FROM oauth_tokens t
    LEFT JOIN users u ON u.id = t.user_id
    LEFT JOIN accounts a ON a.id = u.account_id
    WHERE t.token_hash = ${tokenHash} AND t.revoked_at IS NULL`.values();
  if (rows.length === 0) return null;
  const [token, user, account] = splitJoined(rows)[0];
  return {
    token: token as unknown as TokenRow,
    user: user as unknown as UserRow | null,
    account: account as unknown as AccountRow | null,
  };
}

/**
 * Where the database announces every change to a token, a user or a local account, as
 * `token:ID`, `user:ID` or `account:ID` (triggers of migration 0021): what invalidates the
 * token owners held in memory (`lib/mastodon/token-owner-cache.ts`).
 */
export const TOKEN_OWNER_CHANNEL = "starling_token_owners";
