/**
 * Reading an uploaded file in Mastodon's CSV formats, whole, before anything is written: a file
 * with a broken line is refused with that line's number and what is wrong, and nothing of it
 * is imported.
 *
 * As Mastodon, a file may start with its export's header row (`Account address,Show boosts,…`,
 * `#domain`, `#uri`), whose names then say which column is which; without one, the columns are
 * taken in the export's order, so a plain list of addresses (one column) works too.
 */
import { parse } from "csv-parse/sync";
import type { ImportType } from "../db/imports.ts";
import { invalid } from "../domain/errors.ts";
import { normalizeDomain } from "../domain/domain-blocks.ts";
import { settings } from "../i18n/en/settings.ts";

/** Mastodon's limit on the rows of one import. */
export const MAX_IMPORT_ROWS = 20_000;

/** A row as stored in `import_rows.data`, by type. */
export interface FollowingRow {
  acct: string;
  reblogs: boolean;
  notify: boolean;
  languages: string[] | null;
}
export interface AccountOnlyRow {
  acct: string;
}
export interface MutingRow {
  acct: string;
  hideNotifications: boolean;
}
export interface DomainRow {
  domain: string;
}
export interface BookmarkRow {
  uri: string;
}
export interface ListRow {
  list: string;
  acct: string;
}

export interface ParsedRow {
  line: number;
  data:
    | FollowingRow
    | AccountOnlyRow
    | MutingRow
    | DomainRow
    | BookmarkRow
    | ListRow;
}

/** Each type's columns, in the order its export writes them (the first is required). */
export const IMPORT_COLUMNS: Record<ImportType, string[]> = {
  following: [
    "Account address",
    "Show boosts",
    "Notify on new posts",
    "Languages",
  ],
  blocking: ["Account address"],
  muting: ["Account address", "Hide notifications"],
  domain_blocking: ["#domain"],
  bookmarks: ["#uri"],
  lists: ["List name", "Account address"],
};

/** Parses `text` as a file of `type`; throws a validation error naming the bad line. */
export function parseImportFile(
  type: ImportType,
  text: string,
  host: string,
): ParsedRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read (the types don't say so).
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = (error as Error).message.replace(/^[^:]*:\s*/, "");
    throw invalid(`Line ${line ?? 1}: ${reason}`, "file");
  }
  if (records.length === 0) throw invalid("The file is empty", "file");
  const names = IMPORT_COLUMNS[type];
  const first = records[0].record.map((cell) => cell.toLowerCase());
  const hasHeader = names.some((name) => first.includes(name.toLowerCase()));
  const positions = hasHeader
    ? names.map((name) => first.indexOf(name.toLowerCase()))
    : names.map((_, index) => index);
  if (hasHeader) refuseOtherTypesHeader(type, first);
  if (positions[0] < 0) {
    throw invalid(`Line 1: the header has no "${names[0]}" column`, "file");
  }
  if (type === "lists" && positions[1] < 0) {
    throw invalid(`Line 1: the header has no "${names[1]}" column`, "file");
  }
  const body = hasHeader ? records.slice(1) : records;
  if (body.length > MAX_IMPORT_ROWS) {
    throw invalid(
      `The file has ${body.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once`,
      "file",
    );
  }
  return body.map(({ record, info }) => {
    const cell = (index: number) =>
      positions[index] >= 0 ? (record[positions[index]] ?? "") : "";
    try {
      return { line: info.lines, data: readRow(type, cell, host) };
    } catch (error) {
      throw invalid(`Line ${info.lines}: ${(error as Error).message}`, "file");
    }
  });
}

/**
 * A header with another type's column is that type's export (say, a follows file uploaded as a
 * blocking list, which would block everyone one follows): refused before anything is done.
 */
function refuseOtherTypesHeader(type: ImportType, header: string[]): void {
  const own = IMPORT_COLUMNS[type].map((name) => name.toLowerCase());
  for (const cell of header) {
    if (own.includes(cell)) continue;
    const other = (Object.keys(IMPORT_COLUMNS) as ImportType[]).find((t) =>
      IMPORT_COLUMNS[t].some((name) => name.toLowerCase() === cell)
    );
    if (other) {
      const [theirs, ours] = [other, type].map((t) =>
        IMPORT_TYPE_LABELS[t].toLowerCase()
      );
      throw invalid(
        `Line 1: the "${cell}" column is in ${theirs} files, not in ${ours} files; ` +
          "choose the import type that matches the file",
        "file",
      );
    }
  }
}

/** Each type's name in its messages: the English catalogue's (the page shows the reader's). */
export const IMPORT_TYPE_LABELS: Record<ImportType, string> =
  settings.import.types;

function readRow(
  type: ImportType,
  cell: (index: number) => string,
  host: string,
): ParsedRow["data"] {
  switch (type) {
    case "following":
      return {
        acct: address(cell(0)),
        reblogs: flag(cell(1), true, "Show boosts"),
        notify: flag(cell(2), false, "Notify on new posts"),
        languages: languages(cell(3)),
      };
    case "blocking":
      return { acct: address(cell(0)) };
    case "muting":
      return {
        acct: address(cell(0)),
        hideNotifications: flag(cell(1), true, "Hide notifications"),
      };
    case "domain_blocking": {
      const value = cell(0);
      try {
        return { domain: normalizeDomain(value) };
      } catch {
        throw new Error(`"${value}" is not a domain`);
      }
    }
    case "bookmarks":
      return { uri: postUri(cell(0)) };
    case "lists": {
      const list = cell(0);
      if (!list) throw new Error("the list name is blank");
      return { list, acct: address(cell(1)) };
    }
  }

  /** `user@host` (a leading `@` dropped); a bare `user` is an account here. */
  function address(value: string): string {
    const plain = value.replace(/^@/, "");
    if (/^[^@\s/]+$/.test(plain)) return `${plain}@${host}`;
    if (/^[^@\s/]+@[^@\s/]+$/.test(plain)) return plain;
    throw new Error(
      value
        ? `"${value}" is not an account address (user@example.social)`
        : "the account address is blank",
    );
  }
}

/** Mastodon's boolean cells: true/false (and 1/0), blank for the default. */
function flag(value: string, fallback: boolean, column: string): boolean {
  const v = value.toLowerCase();
  if (v === "") return fallback;
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  throw new Error(`"${value}" in ${column} is neither true nor false`);
}

/** Mastodon writes `en, de`; blank means all languages. */
function languages(value: string): string[] | null {
  const codes = value.split(",").map((c) => c.trim()).filter(Boolean);
  for (const code of codes) {
    if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(code)) {
      throw new Error(`"${code}" is not a language code`);
    }
  }
  return codes.length ? codes : null;
}

function postUri(value: string): string {
  try {
    const url = new URL(value);
    // Kept as written: it is compared with stored URIs as it is.
    if (url.protocol === "https:" || url.protocol === "http:") return value;
  } catch {
    // below
  }
  throw new Error(
    value ? `"${value}" is not a post's address` : "the address is blank",
  );
}
