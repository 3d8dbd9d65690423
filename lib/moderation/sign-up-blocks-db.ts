/** SQL for the sign-up blocks: e-mail domains, IP ranges and canonical e-mail addresses. */
import type { Queryable } from "../db/client.ts";

export interface EmailDomainBlockRow {
  id: string;
  domain: string;
  created_at: Date;
}

/** Refused sign-ups of one block on one day (Admin::EmailDomainBlock's `history`). */
export interface AttemptDay {
  email_domain_block_id: string;
  /** The UTC day, `YYYY-MM-DD` (text: a timestamp without zone would be read as local time). */
  day: string;
  accounts: number;
  uses: number;
}

export const IP_BLOCK_SEVERITIES = [
  "sign_up_requires_approval",
  "sign_up_block",
  "no_access",
] as const;
export type IpBlockSeverity = typeof IP_BLOCK_SEVERITIES[number];

export interface IpBlockRow {
  id: string;
  /** CIDR text, e.g. `203.0.113.0/24` (a single address is `/32` or `/128`). */
  ip: string;
  severity: IpBlockSeverity;
  comment: string;
  expires_at: Date | null;
  created_at: Date;
}

export interface CanonicalEmailBlockRow {
  id: string;
  canonical_email_hash: string;
  reference_account_id: string | null;
  created_at: Date;
}

const ID = /^\d{1,19}$/;

/** Mastodon's id paging (lib/mastodon/pagination.ts's PageQuery); newest first. */
export interface Page {
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

/** The WHERE … ORDER BY … LIMIT of a page, and whether its rows must be reversed. */
function paging(db: Queryable, page: Page) {
  return db`
    WHERE true
      ${page.maxId ? db`AND id < ${page.maxId}` : db``}
      ${page.sinceId ? db`AND id > ${page.sinceId}` : db``}
      ${page.minId ? db`AND id > ${page.minId}` : db``}
    ORDER BY id ${page.minId ? db`ASC` : db`DESC`}
    LIMIT ${page.limit}`;
}

function newestFirst<T>(rows: Iterable<T>, page: Page): T[] {
  return page.minId ? [...rows].reverse() : [...rows];
}

export async function allEmailDomainBlocks(
  db: Queryable,
  page: Page,
): Promise<EmailDomainBlockRow[]> {
  return newestFirst(
    await db<EmailDomainBlockRow[]>`
      SELECT id, domain, created_at FROM email_domain_blocks ${
      paging(db, page)
    }`,
    page,
  );
}

export async function findEmailDomainBlock(
  db: Queryable,
  by: { id: string } | { domain: string },
): Promise<EmailDomainBlockRow | null> {
  if ("id" in by && !ID.test(by.id)) return null;
  const [row] = "id" in by
    ? await db<EmailDomainBlockRow[]>`
        SELECT id, domain, created_at FROM email_domain_blocks WHERE id = ${by.id}`
    : await db<EmailDomainBlockRow[]>`
        SELECT id, domain, created_at FROM email_domain_blocks WHERE domain = ${by.domain}`;
  return row ?? null;
}

export async function insertEmailDomainBlock(
  db: Queryable,
  domain: string,
): Promise<EmailDomainBlockRow> {
  const [row] = await db<EmailDomainBlockRow[]>`
    INSERT INTO email_domain_blocks (domain) VALUES (${domain})
    RETURNING id, domain, created_at`;
  return row;
}

export async function deleteEmailDomainBlockRow(
  db: Queryable,
  id: string,
): Promise<void> {
  await db`DELETE FROM email_domain_blocks WHERE id = ${id}`;
}

/** The block on any of `domains` (exact names), the most specific (longest) first. */
export async function emailDomainBlockAmong(
  db: Queryable,
  domains: string[],
): Promise<EmailDomainBlockRow | null> {
  if (domains.length === 0) return null;
  const [row] = await db<EmailDomainBlockRow[]>`
    SELECT id, domain, created_at FROM email_domain_blocks
    WHERE domain = ANY(${domains}::text[])
    ORDER BY length(domain) DESC LIMIT 1`;
  return row ?? null;
}

export async function recordRefusedAttempt(
  db: Queryable,
  blockId: string,
  ip: string | null,
): Promise<void> {
  await db`
    INSERT INTO email_domain_block_attempts (email_domain_block_id, ip)
    VALUES (${blockId}, ${ip})`;
}

/** Per block, the days of the last week with refused sign-ups. */
export async function attemptHistory(
  db: Queryable,
  blockIds: string[],
): Promise<AttemptDay[]> {
  if (blockIds.length === 0) return [];
  return [
    ...await db<AttemptDay[]>`
      SELECT email_domain_block_id,
             to_char(attempted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
             count(*)::int AS accounts, count(DISTINCT ip)::int AS uses
      FROM email_domain_block_attempts
      WHERE email_domain_block_id = ANY(${blockIds}::bigint[])
        AND attempted_at > now() - interval '7 days'
      GROUP BY 1, 2`,
  ];
}

const IP_COLUMNS = (db: Queryable) =>
  db`id, ip::text AS ip, severity, comment, expires_at, created_at`;

/** IP blocks, expired ones included (they are shown until removed). */
export async function allIpBlocks(
  db: Queryable,
  page: Page,
): Promise<IpBlockRow[]> {
  return newestFirst(
    await db<IpBlockRow[]>`
      SELECT ${IP_COLUMNS(db)} FROM ip_blocks ${paging(db, page)}`,
    page,
  );
}

export async function findIpBlock(
  db: Queryable,
  by: { id: string } | { ip: string },
): Promise<IpBlockRow | null> {
  if ("id" in by && !ID.test(by.id)) return null;
  const [row] = "id" in by
    ? await db<IpBlockRow[]>`
        SELECT ${IP_COLUMNS(db)} FROM ip_blocks WHERE id = ${by.id}`
    : await db<IpBlockRow[]>`
        SELECT ${IP_COLUMNS(db)} FROM ip_blocks WHERE ip = ${by.ip}::cidr`;
  return row ?? null;
}

export interface IpBlockFields {
  ip: string;
  severity: IpBlockSeverity;
  comment: string;
  expires_at: Date | null;
}

export async function insertIpBlock(
  db: Queryable,
  fields: IpBlockFields,
): Promise<IpBlockRow> {
  const [row] = await db<IpBlockRow[]>`
    INSERT INTO ip_blocks (ip, severity, comment, expires_at)
    VALUES (${fields.ip}::cidr, ${fields.severity}, ${fields.comment}, ${fields.expires_at})
    RETURNING ${IP_COLUMNS(db)}`;
  return row;
}

export async function updateIpBlockRow(
  db: Queryable,
  id: string,
  fields: IpBlockFields,
): Promise<IpBlockRow> {
  const [row] = await db<IpBlockRow[]>`
    UPDATE ip_blocks SET ip = ${fields.ip}::cidr, severity = ${fields.severity},
      comment = ${fields.comment}, expires_at = ${fields.expires_at}, updated_at = now()
    WHERE id = ${id}
    RETURNING ${IP_COLUMNS(db)}`;
  return row;
}

export async function deleteIpBlockRow(db: Queryable, id: string) {
  await db`DELETE FROM ip_blocks WHERE id = ${id}`;
}

/** Whether `cidr` is a CIDR range or address Postgres reads (normalised text), else null. */
export async function normalizeCidr(
  db: Queryable,
  cidr: string,
): Promise<string | null> {
  // Postgres refuses host bits set (`10.0.0.1/8`) with an error; Mastodon masks them.
  const [row] = await db<{ ip: string }[]>`
    SELECT network(${cidr}::inet)::cidr::text AS ip`;
  return row?.ip ?? null;
}

/** The severities of the unexpired blocks whose range holds `address`. */
export async function severitiesFor(
  db: Queryable,
  address: string,
): Promise<IpBlockSeverity[]> {
  const rows = await db<{ severity: IpBlockSeverity }[]>`
    SELECT DISTINCT severity FROM ip_blocks
    WHERE ip >>= ${address}::inet AND (expires_at IS NULL OR expires_at > now())`;
  return rows.map((r) => r.severity);
}

/** Whether an unexpired `no_access` block holds `address` (asked on every request). */
export async function isAddressDenied(
  db: Queryable,
  address: string,
): Promise<boolean> {
  const rows = await db`
    SELECT 1 FROM ip_blocks
    WHERE severity = 'no_access' AND ip >>= ${address}::inet
      AND (expires_at IS NULL OR expires_at > now())
    LIMIT 1`;
  return rows.length > 0;
}

export async function allCanonicalEmailBlocks(
  db: Queryable,
  page: Page,
): Promise<CanonicalEmailBlockRow[]> {
  return newestFirst(
    await db<CanonicalEmailBlockRow[]>`
      SELECT * FROM canonical_email_blocks ${paging(db, page)}`,
    page,
  );
}

export async function findCanonicalEmailBlock(
  db: Queryable,
  by: { id: string } | { hash: string },
): Promise<CanonicalEmailBlockRow | null> {
  if ("id" in by && !ID.test(by.id)) return null;
  const [row] = "id" in by
    ? await db<CanonicalEmailBlockRow[]>`
        SELECT * FROM canonical_email_blocks WHERE id = ${by.id}`
    : await db<CanonicalEmailBlockRow[]>`
        SELECT * FROM canonical_email_blocks WHERE canonical_email_hash = ${by.hash}`;
  return row ?? null;
}

/** Inserts the block, or returns the one already there for the hash. */
export async function insertCanonicalEmailBlock(
  db: Queryable,
  hash: string,
  referenceAccountId: string | null,
): Promise<{ row: CanonicalEmailBlockRow; created: boolean }> {
  const [row] = await db<CanonicalEmailBlockRow[]>`
    INSERT INTO canonical_email_blocks (canonical_email_hash, reference_account_id)
    VALUES (${hash}, ${referenceAccountId})
    ON CONFLICT (canonical_email_hash) DO NOTHING
    RETURNING *`;
  if (row) return { row, created: true };
  return {
    row: (await findCanonicalEmailBlock(db, { hash }))!,
    created: false,
  };
}

export async function deleteCanonicalEmailBlockRow(db: Queryable, id: string) {
  await db`DELETE FROM canonical_email_blocks WHERE id = ${id}`;
}

/** The blocks a suspension of `accountId` made (lifted with the suspension, as Mastodon's). */
export async function deleteCanonicalEmailBlocksOf(
  db: Queryable,
  accountId: string,
): Promise<CanonicalEmailBlockRow[]> {
  return [
    ...await db<CanonicalEmailBlockRow[]>`
      DELETE FROM canonical_email_blocks WHERE reference_account_id = ${accountId}
      RETURNING *`,
  ];
}

/** Whether any `no_access` block is in force now, and when the next one of them expires. */
export async function noAccessState(
  db: Queryable,
): Promise<{ any: boolean; nextExpiry: Date | null }> {
  const [row] = await db<{ any: boolean; next_expiry: Date | null }[]>`
    SELECT count(*) > 0 AS any, min(expires_at) AS next_expiry FROM ip_blocks
    WHERE severity = 'no_access' AND (expires_at IS NULL OR expires_at > now())`;
  return { any: row.any, nextExpiry: row.next_expiry };
}
