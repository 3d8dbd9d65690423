/**
 * The sign-up blocks as moderators manage them (`manage_blocks`, as Mastodon's policies say):
 * e-mail domain blocks and IP blocks (canonical e-mail blocks: canonical-email-blocks.ts).
 * Each change runs in one transaction with its audit-log entry. What they refuse is decided in
 * `sign-up-gate.ts`.
 */
import type { Sql, Tx } from "../db/client.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { type Actor, requirePermission } from "./permissions.ts";
import { type AuditTarget, recordAction } from "./audit-log.ts";
import { checkDomain } from "./domain-blocks.ts";
import * as db from "./sign-up-blocks-db.ts";

/** Runs `write` in a transaction with its audit-log entry; returns what it wrote. */
export async function logged<T extends { id: string }>(
  sql: Sql,
  actor: Actor,
  action: "create" | "update" | "destroy",
  targetType: AuditTarget,
  humanIdentifier: string | ((row: T) => string),
  write: (tx: Tx) => Promise<T>,
): Promise<T> {
  return await sql.begin(async (tx) => {
    const row: T = await write(tx);
    await recordAction(tx, {
      accountId: actor.accountId,
      action,
      targetType,
      targetId: row.id,
      humanIdentifier: typeof humanIdentifier === "string"
        ? humanIdentifier
        : humanIdentifier(row),
    });
    return [row];
  }).then(([row]) => row as T);
}

// ---- E-mail domain blocks ----

/** The admin lists' page when none is asked for (Mastodon's default, 100). */
export const ADMIN_LIST_PAGE: db.Page = { limit: 100 };

export async function listEmailDomainBlocks(
  sql: Sql,
  actor: Actor | null,
  page: db.Page = ADMIN_LIST_PAGE,
): Promise<db.EmailDomainBlockRow[]> {
  requirePermission(actor, "manage_blocks");
  return await db.allEmailDomainBlocks(sql, page);
}

export async function getEmailDomainBlock(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.EmailDomainBlockRow> {
  requirePermission(actor, "manage_blocks");
  const block = await db.findEmailDomainBlock(sql, { id });
  if (!block) throw notFound();
  return block;
}

/** Blocks sign-ups with addresses at `domain` or its subdomains; 422 on a repeat. */
export async function createEmailDomainBlock(
  sql: Sql,
  actor: Actor | null,
  domainInput: string,
): Promise<db.EmailDomainBlockRow> {
  const mod = requirePermission(actor, "manage_blocks");
  const domain = checkDomain(domainInput.replace(/^.*@/, ""));
  return await logged(
    sql,
    mod,
    "create",
    "EmailDomainBlock",
    domain,
    async (tx) => {
      if (await db.findEmailDomainBlock(tx, { domain })) {
        throw invalid("Domain has already been taken", "domain");
      }
      return await db.insertEmailDomainBlock(tx, domain);
    },
  );
}

export async function deleteEmailDomainBlock(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.EmailDomainBlockRow> {
  const mod = requirePermission(actor, "manage_blocks");
  const block = await getEmailDomainBlock(sql, actor, id);
  return await logged(
    sql,
    mod,
    "destroy",
    "EmailDomainBlock",
    block.domain,
    async (tx) => {
      await db.deleteEmailDomainBlockRow(tx, block.id);
      return block;
    },
  );
}

/** Per block id, refused sign-ups per day over the last week, newest day first. */
export async function emailDomainBlockHistory(
  sql: Sql,
  blockIds: string[],
  now = new Date(),
): Promise<Map<string, { day: Date; accounts: number; uses: number }[]>> {
  const rows = await db.attemptHistory(sql, blockIds);
  const out = new Map<
    string,
    { day: Date; accounts: number; uses: number }[]
  >();
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  for (const id of blockIds) {
    const days = [];
    for (let i = 0; i < 7; i++) {
      const day = new Date(today - i * 86_400_000);
      const row = rows.find((r) =>
        String(r.email_domain_block_id) === id &&
        r.day === day.toISOString().slice(0, 10)
      );
      days.push({ day, accounts: row?.accounts ?? 0, uses: row?.uses ?? 0 });
    }
    out.set(id, days);
  }
  return out;
}

// ---- IP blocks ----

export interface IpBlockInput {
  ip?: string;
  severity?: string;
  comment?: string | null;
  /** Seconds from now; null: never expires; undefined: unchanged. */
  expiresIn?: number | null;
}

export async function listIpBlocks(
  sql: Sql,
  actor: Actor | null,
  page: db.Page = ADMIN_LIST_PAGE,
): Promise<db.IpBlockRow[]> {
  requirePermission(actor, "manage_blocks");
  return await db.allIpBlocks(sql, page);
}

export async function getIpBlock(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.IpBlockRow> {
  requirePermission(actor, "manage_blocks");
  const block = await db.findIpBlock(sql, { id });
  if (!block) throw notFound();
  return block;
}

async function ipBlockFields(
  sql: Sql,
  base: db.IpBlockFields,
  input: IpBlockInput,
): Promise<db.IpBlockFields> {
  const fields = { ...base };
  if (input.ip !== undefined) {
    const ip = await db.normalizeCidr(sql, input.ip.trim()).catch(() => null);
    if (!ip) throw invalid("Ip is invalid", "ip");
    fields.ip = ip;
  }
  if (input.severity !== undefined) {
    const severity = db.IP_BLOCK_SEVERITIES.find((s) => s === input.severity);
    if (!severity) {
      throw invalid("Severity is not included in the list", "severity");
    }
    fields.severity = severity;
  }
  if (input.comment !== undefined) fields.comment = input.comment ?? "";
  if (input.expiresIn !== undefined) {
    if (input.expiresIn !== null && !(input.expiresIn > 0)) {
      throw invalid(
        "Expires in must be a positive number of seconds",
        "expires_in",
      );
    }
    fields.expires_at = input.expiresIn === null
      ? null
      : new Date(Date.now() + input.expiresIn * 1000);
  }
  return fields;
}

export async function createIpBlock(
  sql: Sql,
  actor: Actor | null,
  input: IpBlockInput,
): Promise<db.IpBlockRow> {
  const mod = requirePermission(actor, "manage_blocks");
  if (!input.ip?.trim()) throw invalid("Ip can't be blank", "ip");
  if (!input.severity) throw invalid("Severity can't be blank", "severity");
  const fields = await ipBlockFields(sql, {
    ip: "",
    severity: "sign_up_block",
    comment: "",
    expires_at: null,
  }, input);
  return await logged(sql, mod, "create", "IpBlock", fields.ip, async (tx) => {
    if (await db.findIpBlock(tx, { ip: fields.ip })) {
      throw invalid("Ip has already been taken", "ip");
    }
    return await db.insertIpBlock(tx, fields);
  });
}

export async function updateIpBlock(
  sql: Sql,
  actor: Actor | null,
  id: string,
  input: IpBlockInput,
): Promise<db.IpBlockRow> {
  const mod = requirePermission(actor, "manage_blocks");
  const previous = await getIpBlock(sql, actor, id);
  const fields = await ipBlockFields(sql, previous, input);
  return await logged(sql, mod, "update", "IpBlock", fields.ip, async (tx) => {
    const other = await db.findIpBlock(tx, { ip: fields.ip });
    if (other && other.id !== previous.id) {
      throw invalid("Ip has already been taken", "ip");
    }
    return await db.updateIpBlockRow(tx, previous.id, fields);
  });
}

export async function deleteIpBlock(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.IpBlockRow> {
  const mod = requirePermission(actor, "manage_blocks");
  const block = await getIpBlock(sql, actor, id);
  return await logged(sql, mod, "destroy", "IpBlock", block.ip, async (tx) => {
    await db.deleteIpBlockRow(tx, block.id);
    return block;
  });
}
