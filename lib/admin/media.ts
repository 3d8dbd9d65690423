/** `deno task admin media …`: operator commands for uploaded files. */
import type { Deps } from "../deps.ts";
import { parseArgs } from "node:util";
import { pruneUnattachedMedia } from "../domain/media.ts";

export const MEDIA_USAGE =
  `  media prune [--days N]                      # remove uploads never attached to a post, older than N days (1)`;

export async function runMediaCommand(
  deps: Deps,
  command: string | undefined,
  args: string[],
  io: { out(line: string): void },
  fail: (message: string) => Error,
): Promise<number> {
  if (command !== "prune") {
    throw fail(
      `unknown media command "${command ?? ""}" (try: media prune --days 7)`,
    );
  }
  const { values } = parseArgs({
    args,
    options: { days: { type: "string", default: "1" } },
    strict: true,
  });
  const days = Number(values.days);
  if (!Number.isFinite(days) || days < 0) {
    throw fail(`--days must be a number of days, not "${values.days}"`);
  }
  io.out(`removing unattached uploads older than ${days} day(s)…`);
  const removed = await pruneUnattachedMedia(
    deps,
    days * 24 * 3600 * 1000,
    (done, total) => io.out(`  ${done}/${total} removed`),
  );
  io.out(`done: ${removed} upload(s) removed`);
  return 0;
}
