/**
 * The "new account limits" spam policy (issue 16, Mastodon 4.3's behaviour against spam waves):
 * with `new_account_days` > 0, a post mentioning local users from an account younger than that
 * which no local account follows reaches them as a notification request, not a notification.
 * The rule is applied where notifications are sorted (lib/domain/notification-policy.ts, facts
 * from lib/db/notification-policies.ts); this is the setting, changed by `manage_settings`.
 */
import type { Sql } from "../db/client.ts";
import { invalid } from "../domain/errors.ts";
import { type Actor, requirePermission } from "./permissions.ts";
import { recordAction } from "./audit-log.ts";

export const MAX_NEW_ACCOUNT_DAYS = 365;

export async function newAccountLimitDays(sql: Sql): Promise<number> {
  const [row] = await sql<{ new_account_days: number }[]>`
    SELECT new_account_days FROM spam_limits`;
  return row?.new_account_days ?? 0;
}

export async function setNewAccountLimitDays(
  sql: Sql,
  actor: Actor | null,
  days: number,
): Promise<void> {
  const mod = requirePermission(actor, "manage_settings");
  if (!Number.isInteger(days) || days < 0 || days > MAX_NEW_ACCOUNT_DAYS) {
    throw invalid(
      `Days must be a whole number from 0 to ${MAX_NEW_ACCOUNT_DAYS}`,
      "new_account_days",
    );
  }
  await sql.begin(async (tx) => {
    await tx`UPDATE spam_limits SET new_account_days = ${days}, updated_at = now()`;
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "update",
      targetType: "SpamLimits",
      // The one row.
      targetId: "1",
      humanIdentifier: `new_account_days=${days}`,
    });
  });
}
