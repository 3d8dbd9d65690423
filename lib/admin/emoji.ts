/**
 * `deno task admin emoji import …`: local custom emoji from image files (a directory of them,
 * or one), each named after its file (`blobcat.png` → `:blobcat:`), like Mastodon's
 * `tootctl emoji import`. A file that isn't a usable emoji, or whose shortcode is taken, is
 * reported and skipped; the others are imported.
 */
import type { Deps } from "../deps.ts";
import { parseArgs } from "node:util";
import { operator } from "./operator.ts";
import { importEmoji } from "../emoji/mod.ts";
import { DomainError } from "../domain/errors.ts";

export const EMOJI_USAGE =
  `  emoji import PATH [--category NAME]         # PATH: a directory of PNG/GIF/WebP files, or one file`;

const IMAGE_FILE = /\.(png|gif|webp)$/i;

async function imageFiles(path: string): Promise<string[]> {
  const info = await Deno.stat(path);
  if (info.isFile) return [path];
  const files: string[] = [];
  for await (const entry of Deno.readDir(path)) {
    if (entry.isFile && IMAGE_FILE.test(entry.name)) {
      files.push(`${path.replace(/\/$/, "")}/${entry.name}`);
    }
  }
  return files.sort();
}

export async function runEmojiCommand(
  deps: Deps,
  command: string | undefined,
  args: string[],
  io: { out(line: string): void },
  fail: (message: string) => Error,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { category: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  if (command !== "import") {
    throw fail(`unknown emoji command "${command ?? ""}" (try: help)`);
  }
  const path = positionals[0];
  if (!path) throw fail("emoji import needs a directory or a file");
  let files: string[];
  try {
    files = await imageFiles(path);
  } catch {
    throw fail(`cannot read ${path}`);
  }
  const owner = await operator(deps, fail).catch(() => null);
  let imported = 0;
  for (const file of files) {
    const name = file.slice(file.lastIndexOf("/") + 1);
    const shortcode = name.replace(/\.[^.]+$/, "");
    try {
      await importEmoji(deps, owner, {
        shortcode,
        bytes: await Deno.readFile(file),
        category: values.category ?? "",
      });
      imported++;
      io.out(`imported :${shortcode}:`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      io.out(`skipped ${name}: ${error.message}`);
    }
  }
  io.out(`${imported} of ${files.length} imported`);
  return imported === files.length ? 0 : 1;
}
