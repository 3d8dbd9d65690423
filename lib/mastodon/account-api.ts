/**
 * What the account, relationship and follow-request routes share: the caller with a scope, the
 * target account from the path, and account lists with Mastodon's `Link` paging header.
 */
import type { Deps } from "../deps.ts";
import {
  type AccountRow,
  findAccountById,
  findAccountsByIds,
  type UserRow,
} from "../db/accounts.ts";
import type { PagedAccount } from "../db/relationship-lists.ts";
import { findAccount } from "../domain/profiles.ts";
import {
  pendingFollowRequestCount,
  relationship,
} from "../domain/relationships.ts";
import { roleOf } from "../moderation/mod.ts";
import { emojisOfAccount } from "../emoji/mod.ts";
import { authenticateRequest, requireUser } from "./auth.ts";
import {
  accountJson,
  credentialAccountJson,
  relationshipJson,
  renderAccounts,
} from "./entities/account.ts";
import { json } from "./errors.ts";
import type { Account } from "./entities/types.ts";
import { linkHeader } from "./pagination.ts";

/** The signed-in caller, with one of `scopes`. */
export async function caller(deps: Deps, req: Request, ...scopes: string[]) {
  return requireUser(await authenticateRequest(deps, req), ...scopes);
}

/** The account named by the `:id` path parameter (404 when unknown). */
export function pathAccount(
  deps: Deps,
  params: Record<string, string>,
): Promise<AccountRow> {
  return findAccount(deps.sql, params.id ?? "");
}

export async function relationshipResponse(
  deps: Deps,
  viewer: AccountRow,
  targetId: string,
): Promise<Response> {
  return json(relationshipJson(await relationship(deps, viewer, targetId)));
}

/** Account entities for `rows`, with their custom emoji (one query for all). */
export function accountsJson(
  deps: Pick<Deps, "sql" | "config" | "media">,
  rows: AccountRow[],
): Promise<Account[]> {
  return renderAccounts({
    sql: deps.sql,
    origin: deps.config.origin,
    mediaUrl: (key) => deps.media.url(key),
  }, rows);
}

/**
 * A page of accounts listed through relationship rows (with their custom emoji), with `Link`
 * by those rows' ids; `decorate` adds what a list says beyond the account (a mute's expiry).
 */
export async function accountPageResponse(
  deps: Pick<Deps, "sql" | "config" | "media">,
  url: URL,
  rows: PagedAccount[],
  decorate: (row: PagedAccount, account: Account) => unknown = (_, a) => a,
): Promise<Response> {
  const accounts = await accountsJson(deps, rows);
  const link = linkHeader(deps.config.origin, url, rows, (row) => row.page_id);
  return json(rows.map((row, i) => decorate(row, accounts[i])), {
    headers: link ? { link } : {},
  });
}

/**
 * An account as the single-account endpoints show it: with `moved`, the account it moved to
 * (Mastodon leaves the field out when it did not move, and never nests it twice).
 */
export async function accountWithMoved<T extends Account>(
  deps: Deps,
  account: AccountRow,
  json: T,
): Promise<T> {
  if (!account.moved_to_account_id) return json;
  const moved = await findAccountById(deps.sql, account.moved_to_account_id);
  return moved
    ? { ...json, moved: accountJson(moved, deps.config.origin) }
    : json;
}

/** The caller's own account as a CredentialAccount (verify_credentials and profile edits). */
export async function credentialAccountResponse(
  deps: Deps,
  login: { account: AccountRow; user: UserRow },
): Promise<Response> {
  const [pending, role, emojis] = await Promise.all([
    pendingFollowRequestCount(deps, login.account.id),
    roleOf(deps.sql, login.user),
    emojisOfAccount(deps.sql, (key) => deps.media.url(key), login.account),
  ]);
  return json(
    await accountWithMoved(
      deps,
      login.account,
      credentialAccountJson(
        login.account,
        login.user,
        deps.config.origin,
        pending,
        role,
        emojis,
      ),
    ),
  );
}

/** Accounts rendered in the order of `ids` (ids that name no account are skipped). */
export async function renderAccountsInOrder(deps: Deps, ids: string[]) {
  const byId = new Map(
    (await findAccountsByIds(deps.sql, ids)).map((a) => [a.id, a]),
  );
  return await accountsJson(deps, ids.flatMap((id) => byId.get(id) ?? []));
}
