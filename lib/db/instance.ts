/** SQL for the instance metadata endpoints: usage counts and known peers. */
import type { Queryable } from "./client.ts";

export interface InstanceStats {
  user_count: number;
  status_count: number;
  domain_count: number;
  active_month: number;
}

export async function instanceStats(db: Queryable): Promise<InstanceStats> {
  const [row] = await db<InstanceStats[]>`
    SELECT
      (SELECT count(*)::int FROM users u JOIN accounts a ON a.id = u.account_id
        WHERE u.approved AND NOT u.disabled AND a.suspended_at IS NULL) AS user_count,
      (SELECT count(*)::int FROM statuses WHERE local AND reblog_of_id IS NULL) AS status_count,
      (SELECT count(DISTINCT domain)::int FROM accounts WHERE domain IS NOT NULL) AS domain_count,
      (SELECT count(*)::int FROM users
        WHERE last_sign_in_at > now() - interval '30 days' OR created_at > now() - interval '30 days')
        AS active_month`;
  return row;
}

export async function knownPeers(db: Queryable): Promise<string[]> {
  const rows = await db<{ domain: string }[]>`
    SELECT DISTINCT lower(domain) AS domain FROM accounts WHERE domain IS NOT NULL ORDER BY 1`;
  return rows.map((r) => r.domain);
}

/**
 * The instance's contact: the earliest user of the highest role that runs the server
 * (`administrator` or `manage_settings`), the Owner on a server set up by the admin CLI.
 */
export async function contactAccountId(db: Queryable): Promise<string | null> {
  const [row] = await db<{ account_id: string }[]>`
    SELECT u.account_id FROM users u JOIN user_roles r ON r.id = u.role_id
    WHERE NOT u.disabled AND (r.permissions & 65) <> 0
    ORDER BY r.position DESC, u.id LIMIT 1`;
  return row?.account_id ?? null;
}
