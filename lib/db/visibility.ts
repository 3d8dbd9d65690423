/**
 * The SQL side of the visibility rule in `lib/domain/visibility.ts`, for list queries that cannot
 * load statuses one by one. Keep the two in step: the tests in `tests/api/visibility.test.ts`
 * exercise both through every read path.
 *
 * Rule: public and unlisted are visible to everyone; private to the author, the author's
 * followers and mentioned accounts; direct to the author and mentioned accounts; nothing is
 * visible to an account the author blocks; nothing by a suspended account (migration 0012) or an
 * account on a suspended domain (instance domain blocks, migration 0013: `domain_block_severity`)
 * is visible to anyone.
 */
import type { Queryable } from "./client.ts";

// deno-lint-ignore no-explicit-any
export type Fragment = any;

/**
 * `domain_block_severity(domain)`, called only when there is a domain block at all. The function
 * can't be inlined (it orders and limits), so each call is a function call: about 40 µs, paid
 * for every row of every timeline — most of a home page's query time with no domain blocked.
 * The uncorrelated `EXISTS` is computed once per statement; without any block the result is
 * NULL, as the function's own.
 */
function domainSeveritySql(db: Queryable, domain: Fragment): Fragment {
  return db`(CASE WHEN EXISTS (SELECT 1 FROM domain_blocks)
    THEN domain_block_severity(${domain}) END)`;
}

/**
 * A boolean SQL expression: may `viewerId` (null = anonymous) see the status whose columns are
 * reachable as `<alias>.id`, `<alias>.account_id` and `<alias>.visibility`?
 */
export function visibleToSql(
  db: Queryable,
  viewerId: string | null,
  alias = "s",
): Fragment {
  const s = db(alias);
  const notSuspended = db`NOT EXISTS (
    SELECT 1 FROM accounts da WHERE da.id = ${s}.account_id AND (da.suspended_at IS NOT NULL
      OR (da.domain IS NOT NULL AND ${
    domainSeveritySql(db, db`da.domain`)
  } = 'suspend')))`;
  if (viewerId === null) {
    return db`(${s}.visibility IN ('public', 'unlisted') AND ${notSuspended})`;
  }
  return db`(
    ${notSuspended}
    AND NOT EXISTS (
      SELECT 1 FROM blocks vb
      WHERE vb.account_id = ${s}.account_id AND vb.target_account_id = ${viewerId}
    )
    AND (
      ${s}.visibility IN ('public', 'unlisted')
      OR ${s}.account_id = ${viewerId}
      OR (${s}.visibility = 'private' AND EXISTS (
        SELECT 1 FROM follows vf
        WHERE vf.account_id = ${viewerId} AND vf.target_account_id = ${s}.account_id))
      OR EXISTS (
        SELECT 1 FROM mentions vm WHERE vm.status_id = ${s}.id AND vm.account_id = ${viewerId})
    )
  )`;
}

/**
 * Visibility of a row that may be a reblog: the reblog itself and the status it wraps must both
 * be visible. `original` is the alias of a LEFT JOIN on `reblog_of_id`.
 */
export function visibleWithReblogSql(
  db: Queryable,
  viewerId: string | null,
  alias = "s",
  original = "r",
): Fragment {
  return db`(${visibleToSql(db, viewerId, alias)} AND (${
    db(alias)
  }.reblog_of_id IS NULL OR ${visibleToSql(db, viewerId, original)}))`;
}

/**
 * Timeline hygiene (not visibility): hide authors the viewer blocks or mutes or whose domain
 * the viewer blocks, and authors of reblogged statuses likewise. Anonymous viewers have nothing to hide.
 */
export function notSilencedSql(
  db: Queryable,
  viewerId: string | null,
  alias = "s",
  original = "r",
): Fragment {
  if (viewerId === null) return db`TRUE`;
  const s = db(alias);
  const r = db(original);
  return db`NOT EXISTS (
    SELECT 1 FROM blocks hb WHERE hb.account_id = ${viewerId}
      AND hb.target_account_id IN (${s}.account_id, coalesce(${r}.account_id, ${s}.account_id))
    UNION ALL
    SELECT 1 FROM mutes hm WHERE hm.account_id = ${viewerId}
      AND (hm.expires_at IS NULL OR hm.expires_at > now())
      AND hm.target_account_id IN (${s}.account_id, coalesce(${r}.account_id, ${s}.account_id))
    UNION ALL
    SELECT 1 FROM account_domain_blocks hd JOIN accounts ha ON lower(ha.domain) = hd.domain
    WHERE hd.account_id = ${viewerId}
      AND ha.id IN (${s}.account_id, coalesce(${r}.account_id, ${s}.account_id))
  )`;
}

/** The status's author is not on a domain the viewer blocks (their own domain blocks). */
export function notDomainBlockedSql(
  db: Queryable,
  viewerId: string,
  alias = "s",
): Fragment {
  return db`NOT EXISTS (
    SELECT 1 FROM account_domain_blocks xd JOIN accounts xa ON lower(xa.domain) = xd.domain
    WHERE xd.account_id = ${viewerId} AND xa.id = ${db(alias)}.account_id)`;
}

/** What the domain rule needs to know about a viewer and one status's author. */
export interface ViewerRelations {
  following: boolean;
  mentioned: boolean;
  blockedByAuthor: boolean;
  /** The author is suspended (moderation): nobody else sees their posts. */
  authorSuspended?: boolean;
}

/**
 * Whether nobody but its author may see `accountId`'s posts: the account is suspended (here, or
 * by its own server), or it is on a suspended domain (instance domain blocks).
 */
export async function isAuthorHidden(
  db: Queryable,
  accountId: string,
): Promise<boolean> {
  const [row] = await db<{ hidden: boolean }[]>`
    SELECT suspended_at IS NOT NULL OR coalesce(
      domain IS NOT NULL AND domain_block_severity(domain) = 'suspend', false) AS hidden
    FROM accounts WHERE id = ${accountId}`;
  return row?.hidden ?? false;
}

export async function loadViewerRelations(
  db: Queryable,
  viewerId: string,
  status: { id: string; account_id: string },
): Promise<ViewerRelations> {
  const [row] = await db<ViewerRelations[]>`
    SELECT
      EXISTS (SELECT 1 FROM follows WHERE account_id = ${viewerId}
              AND target_account_id = ${status.account_id}) AS following,
      EXISTS (SELECT 1 FROM mentions WHERE status_id = ${status.id}
              AND account_id = ${viewerId}) AS mentioned,
      EXISTS (SELECT 1 FROM blocks WHERE account_id = ${status.account_id}
              AND target_account_id = ${viewerId}) AS "blockedByAuthor",
      EXISTS (SELECT 1 FROM accounts WHERE id = ${status.account_id}
              AND suspended_at IS NOT NULL) AS "authorSuspended"`;
  return row;
}

/** `loadViewerRelations` for many viewers of one status, in one statement. */
export async function loadViewersRelations(
  db: Queryable,
  viewerIds: string[],
  status: { id: string; account_id: string },
): Promise<Map<string, ViewerRelations>> {
  if (viewerIds.length === 0) return new Map();
  const rows = await db<({ viewer_id: string } & ViewerRelations)[]>`
    SELECT viewer.id::text AS viewer_id,
      EXISTS (SELECT 1 FROM follows WHERE account_id = viewer.id
              AND target_account_id = ${status.account_id}) AS following,
      EXISTS (SELECT 1 FROM mentions WHERE status_id = ${status.id}
              AND account_id = viewer.id) AS mentioned,
      EXISTS (SELECT 1 FROM blocks WHERE account_id = ${status.account_id}
              AND target_account_id = viewer.id) AS "blockedByAuthor"
    FROM unnest(${viewerIds}::bigint[]) AS viewer(id)`;
  return new Map(
    rows.map(({ viewer_id, ...relations }) => [viewer_id, relations]),
  );
}

/**
 * Moderation's limits on an author, for public views (public and hashtag timelines): a
 * suspended author's posts are shown to nobody; a silenced (limited) one's — silenced itself,
 * or on a silenced domain (instance domain blocks) — only to the author's followers and the
 * author (Mastodon: limited accounts reach only their followers).
 */
export function authorShownSql(
  db: Queryable,
  viewerId: string | null,
  alias = "s",
): Fragment {
  const s = db(alias);
  const follower = viewerId === null ? db`FALSE` : db`(
    ${s}.account_id = ${viewerId} OR EXISTS (
      SELECT 1 FROM follows lf
      WHERE lf.account_id = ${viewerId} AND lf.target_account_id = ${s}.account_id))`;
  return db`EXISTS (
    SELECT 1 FROM accounts la WHERE la.id = ${s}.account_id AND la.suspended_at IS NULL
      AND ((la.silenced_at IS NULL AND (la.domain IS NULL
          OR ${
    domainSeveritySql(db, db`la.domain`)
  } IS DISTINCT FROM 'silence'))
        OR ${follower})
  )`;
}

/**
 * For followers' timelines (home, lists): no post by a suspended account, nor a reblog of one
 * (Mastodon unmerges them from feeds; here they are left out when read, and return on
 * unsuspension). `original` is the alias of a LEFT JOIN on `reblog_of_id`.
 */
export function authorNotSuspendedSql(
  db: Queryable,
  alias = "s",
  original = "r",
): Fragment {
  const s = db(alias);
  const r = db(original);
  return db`NOT EXISTS (
    SELECT 1 FROM accounts sa
    WHERE sa.id IN (${s}.account_id, coalesce(${r}.account_id, ${s}.account_id))
      AND sa.suspended_at IS NOT NULL
  )`;
}

/**
 * Whether the account at `<alias>` may be listed on public surfaces that recommend accounts
 * (suggestions, the profile directory): it opted in (`discoverable`), moderation has not
 * suspended or limited it (nor its domain), it has not moved, and a local one's sign-up was
 * approved and is not disabled.
 */
export function accountListedSql(db: Queryable, alias = "a"): Fragment {
  const a = db(alias);
  return db`(${a}.discoverable AND ${a}.suspended_at IS NULL AND ${a}.silenced_at IS NULL
    AND ${a}.moved_to_account_id IS NULL
    AND (${a}.domain IS NULL
      OR coalesce(domain_block_severity(${a}.domain), '') NOT IN ('silence', 'suspend'))
    AND NOT EXISTS (SELECT 1 FROM users lu WHERE lu.account_id = ${a}.id
                    AND (NOT lu.approved OR lu.disabled)))`;
}

/**
 * The account at `<alias>` is not one the viewer blocks, mutes or whose domain the viewer
 * blocks, and doesn't block the viewer: what account lists leave out for that viewer.
 */
export function accountNotHiddenSql(
  db: Queryable,
  viewerId: string | null,
  alias = "a",
): Fragment {
  if (viewerId === null) return db`TRUE`;
  const a = db(alias);
  return db`NOT EXISTS (
    SELECT 1 FROM blocks xb WHERE (xb.account_id = ${viewerId} AND xb.target_account_id = ${a}.id)
      OR (xb.account_id = ${a}.id AND xb.target_account_id = ${viewerId})
    UNION ALL
    SELECT 1 FROM mutes xm WHERE xm.account_id = ${viewerId} AND xm.target_account_id = ${a}.id
      AND (xm.expires_at IS NULL OR xm.expires_at > now())
    UNION ALL
    SELECT 1 FROM account_domain_blocks xd
    WHERE xd.account_id = ${viewerId} AND xd.domain = lower(${a}.domain))`;
}
