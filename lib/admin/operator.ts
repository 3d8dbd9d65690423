/** The Owner, as whom the admin CLI acts (the audit log names them). */
import type { Deps } from "../deps.ts";
import { type Actor, BUILT_IN_ROLE_IDS, loadActor } from "../moderation/mod.ts";

export async function operator(
  deps: Deps,
  fail: (m: string) => Error,
): Promise<Actor> {
  const [owner] = await deps.sql<{ account_id: string; role_id: string }[]>`
    SELECT account_id, role_id::text FROM users
    WHERE role_id = ${BUILT_IN_ROLE_IDS.owner} ORDER BY created_at LIMIT 1`;
  if (!owner) {
    throw fail("no Owner account yet (accounts create NAME --role Owner)");
  }
  return await loadActor(deps.sql, owner);
}
