/**
 * Canonical e-mail blocks as moderators manage them (`manage_blocks`): addresses that may not
 * sign up, kept as the sha256 of the canonical address (canonical-email.ts). Also made by a
 * suspension with `blockEmail` (account-actions.ts). Each change is audited.
 */
import type { Sql } from "../db/client.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { type Actor, requirePermission } from "./permissions.ts";
import * as db from "./sign-up-blocks-db.ts";
import { canonicalEmailHash } from "./canonical-email.ts";
import { ADMIN_LIST_PAGE, logged } from "./sign-up-blocks.ts";

export async function listCanonicalEmailBlocks(
  sql: Sql,
  actor: Actor | null,
  page: db.Page = ADMIN_LIST_PAGE,
): Promise<db.CanonicalEmailBlockRow[]> {
  requirePermission(actor, "manage_blocks");
  return await db.allCanonicalEmailBlocks(sql, page);
}

export async function getCanonicalEmailBlock(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.CanonicalEmailBlockRow> {
  requirePermission(actor, "manage_blocks");
  const block = await db.findCanonicalEmailBlock(sql, { id });
  if (!block) throw notFound();
  return block;
}

/** Blocks an address (`email`) or a hash given as is; 422 with neither or a repeat. */
export async function createCanonicalEmailBlock(
  sql: Sql,
  actor: Actor | null,
  input: { email?: string; canonicalEmailHash?: string },
): Promise<db.CanonicalEmailBlockRow> {
  const mod = requirePermission(actor, "manage_blocks");
  const hash = input.email?.trim()
    ? await canonicalEmailHash(input.email)
    : input.canonicalEmailHash?.trim().toLowerCase();
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) {
    throw invalid(
      "Canonical email hash can't be blank",
      "canonical_email_hash",
    );
  }
  return await logged(
    sql,
    mod,
    "create",
    "CanonicalEmailBlock",
    hash,
    async (tx) => {
      const { row, created } = await db.insertCanonicalEmailBlock(
        tx,
        hash,
        null,
      );
      if (!created) {
        throw invalid(
          "Canonical email hash has already been taken",
          "canonical_email_hash",
        );
      }
      return row;
    },
  );
}

export async function deleteCanonicalEmailBlock(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<db.CanonicalEmailBlockRow> {
  const mod = requirePermission(actor, "manage_blocks");
  const block = await getCanonicalEmailBlock(sql, actor, id);
  return await logged(
    sql,
    mod,
    "destroy",
    "CanonicalEmailBlock",
    block.canonical_email_hash,
    async (tx) => {
      await db.deleteCanonicalEmailBlockRow(tx, block.id);
      return block;
    },
  );
}

/** The blocks that match `email` (`POST …/canonical_email_blocks/test`). */
export async function testCanonicalEmail(
  sql: Sql,
  actor: Actor | null,
  email: string,
): Promise<db.CanonicalEmailBlockRow[]> {
  requirePermission(actor, "manage_blocks");
  if (!email.trim()) throw invalid("Email can't be blank", "email");
  const block = await db.findCanonicalEmailBlock(sql, {
    hash: await canonicalEmailHash(email),
  });
  return block ? [block] : [];
}
