/**
 * Moving accounts between servers, as Mastodon does. A user lists the accounts they also are
 * (`alsoKnownAs`, the aliases); moving away needs the password and a new account that lists
 * this one among its aliases (fetched fresh), at most once per `MOVE_COOLDOWN_DAYS`: the
 * account is marked moved (it can no longer post), its followers' servers receive a `Move`, and
 * its local followers follow the new account. A remote account's `Move` is accepted on the same
 * condition, and its local followers follow the new account likewise: once per origin, by a
 * job that works in batches (`moveFollowersJob`), each follower told by a `move` notification.
 */
import type { Queryable, Sql } from "../db/client.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById, findAccountsByIds } from "../db/accounts.ts";
import * as db from "../db/account-moves.ts";
import type { Effects } from "./effects.ts";
import type { LocalLogin } from "./accounts.ts";
import { DomainError, forbidden, invalid } from "./errors.ts";
import { verifyPassword } from "./passwords.ts";
import { block, follow, mute, unfollow } from "./relationships.ts";
import { findFollow } from "../db/relationships.ts";
import { createNotifications } from "./notifications.ts";
import { notificationEvents } from "./status-insert.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";

export const MOVE_COOLDOWN_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;
/** Followers carried over per job run; the next batch is another job. */
const FOLLOWERS_BATCH = 50;
export const MOVE_FOLLOWERS_JOB = "accounts.move_followers";

export interface MoveDeps {
  sql: Sql;
  effects: Effects;
  jobs: {
    enqueue(tx: Queryable, kind: string, payload: unknown): Promise<void>;
  };
  config: { origin: string };
  /** Finds an account by handle or actor URI on any server (WebFinger), fetched fresh on ask. */
  resolveRemote(
    query: string,
    options?: { refresh?: boolean },
  ): Promise<{ account: AccountRow | null }>;
}

/** The actor URI of an account (ours are `/users/{username}`, as Fedify serves them). */
export function actorUriOf(origin: string, account: AccountRow): string {
  return account.domain === null
    ? `${origin}/users/${account.username}`
    : account.uri ?? "";
}

/** Resolves a handle to an account on another server, or explains why not. */
async function resolveOther(
  deps: MoveDeps,
  account: AccountRow,
  handle: string,
  refresh: boolean,
): Promise<AccountRow> {
  const query = handle.trim();
  if (!query) {
    throw invalid("Enter the account's handle, like @name@server", "acct");
  }
  const { account: found } = await deps.resolveRemote(query, { refresh })
    .catch(() => ({ account: null }));
  if (!found) throw invalid(`Could not find ${query}`, "acct");
  if (found.id === account.id) {
    throw invalid("That is this account", "acct");
  }
  return found;
}

/** Adds an alias: another account (found by handle through WebFinger) this one also is. */
export async function addAlias(
  deps: MoveDeps,
  account: AccountRow,
  handle: string,
): Promise<AccountRow> {
  const other = await resolveOther(deps, account, handle, false);
  const uri = actorUriOf(deps.config.origin, other);
  if (account.also_known_as.includes(uri)) return other;
  await deps.sql.begin(async (tx) => {
    await db.setAliases(tx, account.id, [...account.also_known_as, uri]);
    await deps.effects.record(tx, {
      type: "account.updated",
      accountId: account.id,
    });
  });
  return other;
}

export async function removeAlias(
  deps: Pick<MoveDeps, "sql" | "effects">,
  account: AccountRow,
  uri: string,
): Promise<void> {
  if (!account.also_known_as.includes(uri)) return;
  await deps.sql.begin(async (tx) => {
    await db.setAliases(
      tx,
      account.id,
      account.also_known_as.filter((u) => u !== uri),
    );
    await deps.effects.record(tx, {
      type: "account.updated",
      accountId: account.id,
    });
  });
}

/** When `account` may move again (Mastodon: 30 days after its last move); null: now. */
export function nextMoveAllowedAt(account: AccountRow): Date | null {
  if (!account.moved_at) return null;
  const next = new Date(
    account.moved_at.getTime() + MOVE_COOLDOWN_DAYS * DAY_MS,
  );
  return next.getTime() > Date.now() ? next : null;
}

export interface MoveInput {
  password: string;
  /** The new account's handle (`@name@server`). */
  target: string;
  /**
   * Only point the profile at the new account (Mastodon's redirect): no Move is sent and the
   * followers stay.
   */
  redirectOnly?: boolean;
}

/**
 * Moves a local account to `input.target`. The new account must list this one among its
 * aliases, as its server says now (fetched fresh).
 */
export async function moveAccount(
  deps: MoveDeps,
  login: LocalLogin,
  input: MoveInput,
): Promise<AccountRow> {
  const { account, user } = login;
  if (!await verifyPassword(input.password, user.password_hash)) {
    throw invalid("Current password is wrong", "current_password");
  }
  const next = nextMoveAllowedAt(account);
  if (next && !input.redirectOnly) {
    throw invalid(
      `You can move again after ${next.toUTCString()}`,
      "acct",
    );
  }
  const target = await resolveOther(deps, account, input.target, true);
  if (target.moved_to_account_id) {
    throw invalid("That account has itself moved", "acct");
  }
  const uri = actorUriOf(deps.config.origin, account);
  if (!target.also_known_as.includes(uri)) {
    throw invalid(
      `${input.target.trim()} does not list this account as an alias: add it there first`,
      "acct",
    );
  }
  await deps.sql.begin(async (tx) => {
    await db.setMovedTo(tx, account.id, target.id, {
      stampMove: !input.redirectOnly,
    });
    await deps.effects.record(
      tx,
      input.redirectOnly
        ? { type: "account.updated", accountId: account.id }
        : {
          type: "account.moved",
          accountId: account.id,
          targetAccountId: target.id,
        },
    );
    if (!input.redirectOnly) {
      await db.recordMove(tx, account.id, target.id);
      await enqueueFollowersMove(deps, tx, account.id, target.id);
    }
  });
  return target;
}

/** Mastodon lets a moved account take its redirect back (its followers stay where they went). */
export async function cancelMove(
  deps: Pick<MoveDeps, "sql" | "effects">,
  account: AccountRow,
): Promise<void> {
  if (!account.moved_to_account_id) return;
  await deps.sql.begin(async (tx) => {
    await db.setMovedTo(tx, account.id, null);
    await deps.effects.record(tx, {
      type: "account.updated",
      accountId: account.id,
    });
  });
}

/** A moved account posts no more (Mastodon: its login is limited to its settings). */
export function requireNotMoved(
  account: Pick<AccountRow, "moved_to_account_id">,
) {
  if (account.moved_to_account_id) {
    throw forbidden(
      "This account has moved to another account and can no longer post",
    );
  }
}

/**
 * A remote account says it moved to `target`: accepted only when `target` (fetched fresh by
 * the caller) lists it among its aliases, and only once per origin and target (an actor's
 * Update may have pointed it there already: that is a redirect, not a move). Returns whether
 * the move was taken.
 */
export async function acceptRemoteMove(
  deps: Pick<MoveDeps, "sql" | "jobs">,
  origin: AccountRow,
  target: AccountRow,
): Promise<boolean> {
  if (origin.domain === null || !origin.uri) {
    throw forbidden("Local accounts move through their settings");
  }
  if (origin.id === target.id || !target.also_known_as.includes(origin.uri)) {
    throw forbidden("The new account does not list the old one as an alias");
  }
  return await deps.sql.begin(async (tx) => {
    if (!await db.recordMove(tx, origin.id, target.id)) return false;
    await db.setMovedTo(tx, origin.id, target.id, { stampMove: true });
    await enqueueFollowersMove(deps, tx, origin.id, target.id);
    return true;
  });
}

interface MoveFollowersPayload extends Record<string, unknown> {
  originId: string;
  targetId: string;
  afterId: string | null;
}

async function enqueueFollowersMove(
  deps: Pick<MoveDeps, "jobs">,
  tx: Queryable,
  originId: string,
  targetId: string,
  afterId: string | null = null,
): Promise<void> {
  const payload: MoveFollowersPayload = { originId, targetId, afterId };
  await deps.jobs.enqueue(tx, MOVE_FOLLOWERS_JOB, payload);
}

/**
 * One batch of the origin's local followers follow the target (a request where it is locked)
 * with the same options (boosts, notify, languages), keep it in the lists that held the origin,
 * and stop following the origin, each told by a `move` notification; the next batch is queued.
 * A follower who can't follow the target (blocked) keeps following the origin. The first batch
 * also carries blocks and mutes of the origin over to the target, as Mastodon does.
 */
export async function moveFollowersBatch(
  deps: Pick<MoveDeps, "sql" | "effects" | "jobs">,
  payload: MoveFollowersPayload,
): Promise<number> {
  const [origin, target] = await Promise.all([
    findAccountById(deps.sql, payload.originId),
    findAccountById(deps.sql, payload.targetId),
  ]);
  if (!origin || !target || origin.moved_to_account_id !== target.id) return 0;
  if (payload.afterId === null) await carryBlocksAndMutes(deps, origin, target);
  const ids = await db.localFollowerIds(
    deps.sql,
    origin.id,
    payload.afterId,
    FOLLOWERS_BATCH,
  );
  for (const follower of await findAccountsByIds(deps.sql, ids)) {
    if (follower.id === target.id) continue;
    const old = await findFollow(deps.sql, follower.id, origin.id);
    try {
      await follow(deps, follower, target, {
        reblogs: old?.show_reblogs,
        notify: old?.notify,
        languages: old?.languages,
      });
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw error;
    }
    await db.copyListMemberships(deps.sql, follower.id, origin.id, target.id);
    // Told before the old follow goes: a retry after a crash finds the follower again, and
    // the notification is made once (notifications_once).
    await deps.sql.begin(async (tx) => {
      const rows = await createNotifications(tx, [{
        recipientId: follower.id,
        fromAccountId: origin.id,
        type: "move",
        statusId: null,
      }]);
      await deps.effects.record(tx, ...notificationEvents(rows));
    });
    await unfollow(deps, follower, origin);
  }
  if (ids.length === FOLLOWERS_BATCH) {
    await enqueueFollowersMove(
      deps,
      deps.sql,
      origin.id,
      target.id,
      ids[ids.length - 1],
    );
  }
  return ids.length;
}

/** Who blocked or muted the origin blocks or mutes the target too (a mute keeps its end). */
async function carryBlocksAndMutes(
  deps: Pick<MoveDeps, "sql" | "effects" | "jobs">,
  origin: AccountRow,
  target: AccountRow,
): Promise<void> {
  const blockers = await findAccountsByIds(
    deps.sql,
    await db.localBlockerIds(deps.sql, origin.id),
  );
  for (const blocker of blockers) {
    if (blocker.id !== target.id) await block(deps, blocker, target);
  }
  const mutes = await db.localMutes(deps.sql, origin.id);
  const muters = new Map(
    (await findAccountsByIds(deps.sql, mutes.map((m) => m.account_id))).map((
      a,
    ) => [a.id, a]),
  );
  for (const m of mutes) {
    const muter = muters.get(m.account_id);
    if (!muter || muter.id === target.id) continue;
    await mute(deps, muter, target, {
      notifications: m.hide_notifications,
      durationSeconds: m.expires_at
        ? Math.max(1, Math.ceil((m.expires_at.getTime() - Date.now()) / 1000))
        : 0,
    });
  }
}

export const moveFollowersJob = defineJob<
  MoveFollowersPayload,
  Pick<MoveDeps, "sql" | "effects" | "jobs">
>({
  kind: MOVE_FOLLOWERS_JOB,
  parse: schema.object<MoveFollowersPayload>({
    originId: schema.string,
    targetId: schema.string,
    afterId: schema.nullable(schema.string),
  }),
  retry: { backoff: exponentialBackoff(10_000, 30 * 60_000), maxAttempts: 10 },
  async handler(deps, payload) {
    await moveFollowersBatch(deps, payload);
  },
});
