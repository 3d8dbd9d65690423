/** What the instance says about itself: its settings, usage counts, its contact, its peers. */
import type { Queryable } from "../db/client.ts";
import type { Config } from "../config.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById, findAccountByUsername } from "../db/accounts.ts";
import * as db from "../db/instance.ts";
import {
  currentTerms,
  type InstanceSettings,
  instanceSettings,
  listRules,
  type RuleRow,
} from "../instance/mod.ts";

export interface InstanceOverview {
  stats: db.InstanceStats;
  /** The contact account an admin chose, else the highest-ranked administrator. */
  contact: AccountRow | null;
  settings: InstanceSettings;
  rules: RuleRow[];
  hasTerms: boolean;
}

export async function instanceOverview(
  deps: { sql: Queryable; config: Config },
): Promise<InstanceOverview> {
  const { sql } = deps;
  const [stats, settings, rules, terms] = await Promise.all([
    db.instanceStats(sql),
    instanceSettings(deps),
    listRules(sql),
    currentTerms(sql),
  ]);
  const chosen = settings.contactUsername
    ? await findAccountByUsername(sql, settings.contactUsername, null)
    : null;
  const contactId = chosen ? null : await db.contactAccountId(sql);
  return {
    stats,
    settings,
    rules,
    hasTerms: terms !== null,
    contact: chosen ??
      (contactId ? await findAccountById(sql, contactId) : null),
  };
}

export function knownPeers(sql: Queryable): Promise<string[]> {
  return db.knownPeers(sql);
}
