/** `deno task admin media …`: operator commands for uploaded files. */
import type { Deps } from "../deps.ts";
import { parseArgs } from "node:util";
import { pruneUnattachedMedia } from "../domain/media.ts";
import { mediaUsage, type MediaUsageRow } from "../db/media.ts";

const USAGE_LINES: Record<MediaUsageRow["kind"], string> = {
  attached: "attached to posts",
  unattached: "uploaded, not attached (yet)",
  remote: "remote, linked (not stored here)",
};

/** `1.5 MB`: bytes in decimal units, as disks are sold. */
function size(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** The attachments' counts and stored bytes (avatars and headers are not counted). */
async function printUsage(
  deps: Deps,
  io: { out(line: string): void },
): Promise<number> {
  const rows = new Map((await mediaUsage(deps.sql)).map((r) => [r.kind, r]));
  let total = 0;
  for (const kind of ["attached", "unattached", "remote"] as const) {
    const row = rows.get(kind);
    const bytes = Number(row?.bytes ?? 0);
    total += kind === "remote" ? 0 : bytes;
    io.out(
      `${USAGE_LINES[kind]}: ${row?.count ?? 0} file(s)${
        kind === "remote" ? "" : `, ${size(bytes)}`
      }`,
    );
  }
  io.out(`stored: ${size(total)} (${total} bytes)`);
  return 0;
}

export const MEDIA_USAGE =
  `  media prune [--days N]                      # remove uploads never attached to a post, older than N days (1)
  media usage                                 # how many attachments and how many bytes they take`;

export async function runMediaCommand(
  deps: Deps,
  command: string | undefined,
  args: string[],
  io: { out(line: string): void },
  fail: (message: string) => Error,
): Promise<number> {
  if (command === "usage") return await printUsage(deps, io);
  if (command !== "prune") {
    throw fail(
      `unknown media command "${
        command ?? ""
      }" (try: media prune --days 7, media usage)`,
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
