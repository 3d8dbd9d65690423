/** SQL for domain blocks and allows (migration 0013). */
import type { Queryable } from "../db/client.ts";

export type Severity = "noop" | "silence" | "suspend";
export const SEVERITIES: readonly Severity[] = ["noop", "silence", "suspend"];

export interface DomainBlockRow {
  id: string;
  domain: string;
  severity: Severity;
  reject_media: boolean;
  reject_reports: boolean;
  private_comment: string | null;
  public_comment: string | null;
  obfuscate: boolean;
  /** The blocklist subscription that made it; null when made by hand. */
  subscription_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface DomainAllowRow {
  id: string;
  domain: string;
  created_at: Date;
  updated_at: Date;
}

/** What an operator sets on a block (all but the domain may change later). */
export interface DomainBlockFields {
  severity: Severity;
  reject_media: boolean;
  reject_reports: boolean;
  private_comment: string | null;
  public_comment: string | null;
  obfuscate: boolean;
}

export async function policyVersion(db: Queryable): Promise<string> {
  const [row] = await db<{ version: string }[]>`
    SELECT version::text FROM domain_policy_version`;
  return row?.version ?? "0";
}

export async function allDomainBlocks(
  db: Queryable,
): Promise<DomainBlockRow[]> {
  return [
    ...await db<DomainBlockRow[]>`
      SELECT * FROM domain_blocks ORDER BY domain`,
  ];
}

export async function allDomainAllows(
  db: Queryable,
): Promise<DomainAllowRow[]> {
  return [
    ...await db<DomainAllowRow[]>`
      SELECT * FROM domain_allows ORDER BY domain`,
  ];
}

export async function findDomainBlock(
  db: Queryable,
  by: { id: string } | { domain: string },
): Promise<DomainBlockRow | null> {
  const [row] = "id" in by
    ? await db<
      DomainBlockRow[]
    >`SELECT * FROM domain_blocks WHERE id = ${by.id}`
    : await db<DomainBlockRow[]>`
      SELECT * FROM domain_blocks WHERE domain = ${by.domain}`;
  return row ?? null;
}

export async function insertDomainBlock(
  db: Queryable,
  domain: string,
  fields: DomainBlockFields,
): Promise<DomainBlockRow> {
  const [row] = await db<DomainBlockRow[]>`
    INSERT INTO domain_blocks ${db({ domain, ...fields })}
    RETURNING *`;
  return row;
}

export async function updateDomainBlockRow(
  db: Queryable,
  id: string,
  fields: DomainBlockFields,
): Promise<DomainBlockRow> {
  const [row] = await db<DomainBlockRow[]>`
    UPDATE domain_blocks SET ${db({ ...fields })}, updated_at = now()
    WHERE id = ${id} RETURNING *`;
  return row;
}

export async function deleteDomainBlockRow(
  db: Queryable,
  id: string,
): Promise<void> {
  await db`DELETE FROM domain_blocks WHERE id = ${id}`;
}

export async function findDomainAllow(
  db: Queryable,
  by: { id: string } | { domain: string },
): Promise<DomainAllowRow | null> {
  const [row] = "id" in by
    ? await db<
      DomainAllowRow[]
    >`SELECT * FROM domain_allows WHERE id = ${by.id}`
    : await db<DomainAllowRow[]>`
      SELECT * FROM domain_allows WHERE domain = ${by.domain}`;
  return row ?? null;
}

export async function insertDomainAllow(
  db: Queryable,
  domain: string,
): Promise<DomainAllowRow> {
  const [row] = await db<DomainAllowRow[]>`
    INSERT INTO domain_allows (domain) VALUES (${domain})
    ON CONFLICT (domain) DO UPDATE SET updated_at = domain_allows.updated_at
    RETURNING *`;
  return row;
}

export async function deleteDomainAllowRow(
  db: Queryable,
  id: string,
): Promise<void> {
  await db`DELETE FROM domain_allows WHERE id = ${id}`;
}

/**
 * Whether the remote account with this actor URI is suspended by us (account actions). One its
 * own server suspended is not refused: that server's `Update` lifting it must get through.
 */
export async function isRemoteAccountSuspended(
  db: Queryable,
  uri: string,
): Promise<boolean> {
  const [row] = await db<{ suspended: boolean }[]>`
    SELECT suspended_at IS NOT NULL AND suspension_origin IS DISTINCT FROM 'remote'
      AS suspended
    FROM accounts WHERE uri = ${uri} AND domain IS NOT NULL`;
  return row?.suspended ?? false;
}
