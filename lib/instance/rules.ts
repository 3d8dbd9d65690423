/**
 * The server's rules (`manage_rules`): ordered, each a short text and an optional hint. Shown
 * by `GET /api/v1/instance/rules`, on /about and at sign-up, and cited by reports' `rule_ids`.
 * Every change is in the audit log.
 */
import type { Queryable, Sql } from "../db/client.ts";
import { invalid, notFound } from "../domain/errors.ts";
import {
  type Actor,
  recordAction,
  requirePermission,
} from "../moderation/mod.ts";
import * as db from "./rules-db.ts";

export type { RuleRow } from "./rules-db.ts";

/** Mastodon's limits (app/models/rule.rb): text 300, hint 2,000 characters. */
const MAX_TEXT = 300;
const MAX_HINT = 2000;

export function listRules(sql: Queryable): Promise<db.RuleRow[]> {
  return db.activeRules(sql);
}

export function rulesByIds(
  sql: Queryable,
  ids: string[],
): Promise<db.RuleRow[]> {
  return db.rulesByIds(sql, ids.filter((id) => /^\d{1,19}$/.test(id)));
}

/** Which of `ids` are not rules in force (reports may cite only those). */
export async function unknownRuleIds(
  sql: Queryable,
  ids: string[],
): Promise<string[]> {
  const active = new Set((await db.activeRules(sql)).map((r) => String(r.id)));
  return ids.filter((id) => !active.has(id));
}

function checkRule(input: { text: string; hint: string }) {
  const text = input.text.trim();
  const hint = input.hint.trim();
  if (!text) throw invalid("Text can't be blank", "text");
  if ([...text].length > MAX_TEXT) {
    throw invalid(
      `Text is too long (maximum is ${MAX_TEXT} characters)`,
      "text",
    );
  }
  if ([...hint].length > MAX_HINT) {
    throw invalid(
      `Hint is too long (maximum is ${MAX_HINT} characters)`,
      "hint",
    );
  }
  return { text, hint };
}

export async function getRule(
  sql: Queryable,
  actor: Actor | null,
  id: string,
): Promise<db.RuleRow> {
  requirePermission(actor, "manage_rules");
  const rule = /^\d{1,19}$/.test(id) ? await db.findActiveRule(sql, id) : null;
  if (!rule) throw notFound();
  return rule;
}

export async function createRule(
  sql: Sql,
  actor: Actor | null,
  input: { text: string; hint: string },
): Promise<db.RuleRow> {
  const mod = requirePermission(actor, "manage_rules");
  const { text, hint } = checkRule(input);
  return await sql.begin(async (tx) => {
    const rule = await db.insertRule(tx, text, hint);
    await log(tx, mod, "create", rule);
    return rule;
  });
}

export async function updateRule(
  sql: Sql,
  actor: Actor | null,
  id: string,
  input: { text: string; hint: string },
): Promise<db.RuleRow> {
  const mod = requirePermission(actor, "manage_rules");
  const previous = await getRule(sql, actor, id);
  const { text, hint } = checkRule(input);
  return await sql.begin(async (tx) => {
    const rule = await db.updateRuleRow(tx, previous.id, text, hint);
    await log(tx, mod, "update", rule);
    return rule;
  });
}

export async function deleteRule(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<void> {
  const mod = requirePermission(actor, "manage_rules");
  const rule = await getRule(sql, actor, id);
  await sql.begin(async (tx) => {
    await db.softDeleteRule(tx, rule.id);
    await log(tx, mod, "destroy", rule);
  });
}

/** Moves a rule one place up or down the list. */
export async function moveRule(
  sql: Sql,
  actor: Actor | null,
  id: string,
  direction: "up" | "down",
): Promise<void> {
  const mod = requirePermission(actor, "manage_rules");
  const rule = await getRule(sql, actor, id);
  await sql.begin(async (tx) => {
    const ids = (await db.activeRules(tx)).map((r) => String(r.id));
    const from = ids.indexOf(String(rule.id));
    const to = direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    await db.setRuleOrder(tx, ids);
    await log(tx, mod, "update", rule);
  });
}

async function log(
  tx: Queryable,
  mod: Actor,
  action: "create" | "update" | "destroy",
  rule: db.RuleRow,
) {
  await recordAction(tx, {
    accountId: mod.accountId,
    action,
    targetType: "Rule",
    targetId: String(rule.id),
    humanIdentifier: rule.text,
  });
}
