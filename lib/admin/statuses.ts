/** `deno task admin statuses …`: clean-ups of posts stored from other servers. */
import type { Deps } from "../deps.ts";
import { parseArgs } from "node:util";
import { removeUnreferencedRemoteStatuses } from "../domain/remote-cleanup.ts";

export const STATUSES_USAGE =
  `  statuses remove [--days N]                  # remote posts older than N days (90) nobody here follows, favourited, boosted, bookmarked, replied to or is mentioned in`;

export async function runStatusesCommand(
  deps: Deps,
  command: string | undefined,
  args: string[],
  io: { out(line: string): void },
  fail: (message: string) => Error,
): Promise<number> {
  if (command !== "remove") {
    throw fail(
      `unknown statuses command "${
        command ?? ""
      }" (try: statuses remove --days 90)`,
    );
  }
  const { values } = parseArgs({
    args,
    options: { days: { type: "string", default: "90" } },
    strict: true,
  });
  const days = Number(values.days);
  if (!Number.isFinite(days) || days < 1) {
    throw fail(
      `--days must be a number of days (1 or more), not "${values.days}"`,
    );
  }
  io.out(
    `removing unreferenced remote posts older than ${days} day(s)… (safe to run again if interrupted)`,
  );
  const removed = await removeUnreferencedRemoteStatuses(
    deps.sql,
    days * 24 * 3600 * 1000,
    (n) => io.out(`  ${n} removed`),
  );
  io.out(`done: ${removed} post(s) removed`);
  return 0;
}
