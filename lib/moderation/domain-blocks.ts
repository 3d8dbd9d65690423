/**
 * Domain blocks and allows as moderators manage them (`manage_federation`): each change runs in
 * one transaction with its audit-log entry (and, for a suspension, the purge job: `suspend.ts`).
 * The rules they make are applied by `federation-policy.ts`.
 */
import type { Sql } from "../db/client.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { type Actor, requirePermission } from "./permissions.ts";
import { recordAction } from "./audit-log.ts";
import * as db from "./federation-policy-db.ts";
import { normalizeDomain } from "./federation-policy.ts";
import { onBlockChange, type SeveranceJobs } from "./suspend.ts";

/** What changing a block needs: a suspension writes its severance job. */
export interface BlockDeps {
  sql: Sql;
  jobs: SeveranceJobs;
}

export type DomainBlockInput = Partial<db.DomainBlockFields>;

const DEFAULTS: db.DomainBlockFields = {
  severity: "silence",
  reject_media: false,
  reject_reports: false,
  private_comment: null,
  public_comment: null,
  obfuscate: false,
};

/** A domain as typed, checked: 422 when it is none. */
export function checkDomain(input: string): string {
  const domain = normalizeDomain(input);
  if (!domain) throw invalid("Domain is not a valid domain name", "domain");
  return domain;
}

function checkFields(
  base: db.DomainBlockFields,
  input: DomainBlockInput,
): db.DomainBlockFields {
  const fields: db.DomainBlockFields = {
    severity: base.severity,
    reject_media: base.reject_media,
    reject_reports: base.reject_reports,
    private_comment: base.private_comment,
    public_comment: base.public_comment,
    obfuscate: base.obfuscate,
  };
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && key in fields) {
      (fields as unknown as Record<string, unknown>)[key] = value;
    }
  }
  if (!db.SEVERITIES.includes(fields.severity)) {
    throw invalid("Severity is not included in the list", "severity");
  }
  fields.private_comment = fields.private_comment || null;
  fields.public_comment = fields.public_comment || null;
  return fields;
}

export async function listDomainBlocks(
  sql: Sql,
  actor: Actor | null,
): Promise<db.DomainBlockRow[]> {
  requirePermission(actor, "manage_federation");
  return await db.allDomainBlocks(sql);
}

export async function getDomainBlock(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.DomainBlockRow> {
  requirePermission(actor, "manage_federation");
  const block = /^\d{1,19}$/.test(id)
    ? await db.findDomainBlock(sql, { id })
    : null;
  if (!block) throw notFound();
  return block;
}

/**
 * Blocks `domain`. Mastodon refuses a second block of a domain with 422, and one under a
 * domain already blocked at least as hard.
 */
export async function createDomainBlock(
  deps: BlockDeps,
  actor: Actor | null,
  domainInput: string,
  input: DomainBlockInput,
): Promise<db.DomainBlockRow> {
  const mod = requirePermission(actor, "manage_federation");
  const domain = checkDomain(domainInput);
  const fields = checkFields(DEFAULTS, input);
  return await deps.sql.begin(async (tx) => {
    if (await db.findDomainBlock(tx, { domain })) {
      throw invalid("Domain is already blocked", "domain");
    }
    const block = await db.insertDomainBlock(tx, domain, fields);
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "create",
      targetType: "DomainBlock",
      targetId: block.id,
      humanIdentifier: domain,
    });
    await onBlockChange(tx, deps.jobs, block, null);
    return block;
  });
}

export async function updateDomainBlock(
  deps: BlockDeps,
  actor: Actor | null,
  id: string,
  input: DomainBlockInput,
): Promise<db.DomainBlockRow> {
  const mod = requirePermission(actor, "manage_federation");
  const previous = await getDomainBlock(deps.sql, actor, id);
  const fields = checkFields(previous, input);
  return await deps.sql.begin(async (tx) => {
    const block = await db.updateDomainBlockRow(tx, previous.id, fields);
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "update",
      targetType: "DomainBlock",
      targetId: block.id,
      humanIdentifier: block.domain,
    });
    await onBlockChange(tx, deps.jobs, block, previous);
    return block;
  });
}

export async function deleteDomainBlock(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.DomainBlockRow> {
  const mod = requirePermission(actor, "manage_federation");
  const block = await getDomainBlock(sql, actor, id);
  await sql.begin(async (tx) => {
    await db.deleteDomainBlockRow(tx, block.id);
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "destroy",
      targetType: "DomainBlock",
      targetId: block.id,
      humanIdentifier: block.domain,
    });
  });
  return block;
}

export async function listDomainAllows(
  sql: Sql,
  actor: Actor | null,
): Promise<db.DomainAllowRow[]> {
  requirePermission(actor, "manage_federation");
  return await db.allDomainAllows(sql);
}

export async function getDomainAllow(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.DomainAllowRow> {
  requirePermission(actor, "manage_federation");
  const allow = /^\d{1,19}$/.test(id)
    ? await db.findDomainAllow(sql, { id })
    : null;
  if (!allow) throw notFound();
  return allow;
}

/** Allows `domain` (allowlist mode); allowing it again returns the existing allow. */
export async function createDomainAllow(
  sql: Sql,
  actor: Actor | null,
  domainInput: string,
): Promise<db.DomainAllowRow> {
  const mod = requirePermission(actor, "manage_federation");
  const domain = checkDomain(domainInput);
  return await sql.begin(async (tx) => {
    const existing = await db.findDomainAllow(tx, { domain });
    if (existing) return existing;
    const allow = await db.insertDomainAllow(tx, domain);
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "create",
      targetType: "DomainAllow",
      targetId: allow.id,
      humanIdentifier: domain,
    });
    return allow;
  });
}

export async function deleteDomainAllow(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.DomainAllowRow> {
  const mod = requirePermission(actor, "manage_federation");
  const allow = await getDomainAllow(sql, actor, id);
  await sql.begin(async (tx) => {
    await db.deleteDomainAllowRow(tx, allow.id);
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "destroy",
      targetType: "DomainAllow",
      targetId: allow.id,
      humanIdentifier: allow.domain,
    });
  });
  return allow;
}

/**
 * The blocks with a visible effect, for the public list (no permission: the route decides who
 * may read it): a `noop` without rejected media or reports limits nothing and is left out.
 */
export async function publicDomainBlocks(
  sql: Sql,
): Promise<db.DomainBlockRow[]> {
  return (await db.allDomainBlocks(sql)).filter((block) =>
    block.severity !== "noop" || block.reject_media || block.reject_reports
  );
}

/** The block on exactly `domain` (the operator's CLI finds blocks by name). */
export async function findDomainBlockByDomain(
  sql: Sql,
  domain: string,
): Promise<db.DomainBlockRow | null> {
  return await db.findDomainBlock(sql, { domain });
}
