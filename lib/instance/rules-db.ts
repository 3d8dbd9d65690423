/** SQL for the server's rules (soft-deleted, so reports citing one keep its text). */
import type { Queryable } from "../db/client.ts";

export interface RuleRow {
  id: string;
  position: number;
  text: string;
  hint: string;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export async function activeRules(db: Queryable): Promise<RuleRow[]> {
  return [
    ...await db<RuleRow[]>`
    SELECT * FROM server_rules WHERE deleted_at IS NULL ORDER BY position, id`,
  ];
}

/** Rules by id, deleted ones included (what old reports cite). */
export async function rulesByIds(
  db: Queryable,
  ids: string[],
): Promise<RuleRow[]> {
  if (ids.length === 0) return [];
  return [
    ...await db<RuleRow[]>`
    SELECT * FROM server_rules WHERE id = ANY(${ids}::bigint[]) ORDER BY position, id`,
  ];
}

export async function findActiveRule(
  db: Queryable,
  id: string,
): Promise<RuleRow | null> {
  const [row] = await db<RuleRow[]>`
    SELECT * FROM server_rules WHERE id = ${id} AND deleted_at IS NULL`;
  return row ?? null;
}

export async function insertRule(
  db: Queryable,
  text: string,
  hint: string,
): Promise<RuleRow> {
  const [row] = await db<RuleRow[]>`
    INSERT INTO server_rules (text, hint, position)
    VALUES (${text}, ${hint},
            (SELECT coalesce(max(position) + 1, 0) FROM server_rules WHERE deleted_at IS NULL))
    RETURNING *`;
  return row;
}

export async function updateRuleRow(
  db: Queryable,
  id: string,
  text: string,
  hint: string,
): Promise<RuleRow> {
  const [row] = await db<RuleRow[]>`
    UPDATE server_rules SET text = ${text}, hint = ${hint}, updated_at = now()
    WHERE id = ${id} RETURNING *`;
  return row;
}

export async function softDeleteRule(db: Queryable, id: string): Promise<void> {
  await db`UPDATE server_rules SET deleted_at = now() WHERE id = ${id}`;
}

/** Puts the active rules in the order of `ids` (positions 0, 1, 2, …). */
export async function setRuleOrder(
  db: Queryable,
  ids: string[],
): Promise<void> {
  await db`
    UPDATE server_rules r SET position = o.ordinality - 1, updated_at = now()
    FROM unnest(${ids}::bigint[]) WITH ORDINALITY AS o(id, ordinality)
    WHERE r.id = o.id`;
}
