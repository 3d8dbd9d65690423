/**
 * Domain blocks as Mastodon's CSV (admin export/import): a header naming the columns
 * (`#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate`; only `#domain`
 * is required, others default as a new block's), one block per line. An import is previewed
 * first: what each line would do (create, change which fields, nothing). A line that can't be
 * read (bad domain, severity or boolean, unbalanced quotes) is reported with its line number
 * and nothing is applied; applying writes every line in one transaction, each with its
 * audit-log entry and, for a new suspension, its severing (`suspend.ts`).
 */
import type { Sql } from "../db/client.ts";
import { DomainError, invalid } from "../domain/errors.ts";
import { type Actor, requirePermission } from "./permissions.ts";
import { recordAction } from "./audit-log.ts";
import * as db from "./federation-policy-db.ts";
import { normalizeDomain } from "./federation-policy.ts";
import { onBlockChange } from "./suspend.ts";
import { csvField } from "./csv.ts";
import type { BlockDeps } from "./domain-blocks.ts";

export const CSV_COLUMNS = [
  "#domain",
  "#severity",
  "#reject_media",
  "#reject_reports",
  "#public_comment",
  "#obfuscate",
] as const;

export interface ImportLine {
  line: number;
  domain: string;
  fields: db.DomainBlockFields;
  /** `create`, `update` (with the fields that change: [before, after]) or `unchanged`. */
  action: "create" | "update" | "unchanged";
  changes: Record<string, [unknown, unknown]>;
}

export interface ImportError {
  line: number;
  message: string;
}

export interface ImportPreview {
  lines: ImportLine[];
  errors: ImportError[];
}

/** Splits CSV text into records of fields, with each record's first line number. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    let done = false;
    while (i < text.length && !done) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (c === '"') quoted = false;
        else {
          if (c === "\n") line++;
          field += c;
        }
        i++;
      } else if (c === '"' && field === "") {
        quoted = true;
        i++;
      } else if (c === ",") {
        fields.push(field);
        field = "";
        i++;
      } else if (c === "\n" || c === "\r") {
        i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        done = true;
      } else {
        field += c;
        i++;
      }
    }
    if (quoted) throw new CsvError(start, "a quoted field is not closed");
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== "") {
      records.push({ line: start, fields });
    }
  }
  return records;
}

export class CsvError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

const FIELD_OF: Record<string, keyof db.DomainBlockFields> = {
  "#severity": "severity",
  "#reject_media": "reject_media",
  "#reject_reports": "reject_reports",
  "#public_comment": "public_comment",
  "#obfuscate": "obfuscate",
};

function parseBoolean(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true" || v === "1") return true;
  return null;
}

/**
 * A header's column names as this module knows them: lowercase, with the `#` Mastodon's export
 * puts in front (lists published elsewhere often leave it out). `unknown` is the first name that
 * is none of ours.
 */
export function csvColumns(header: string[]): {
  columns: string[];
  unknown: string | undefined;
} {
  const columns = header.map((f) => {
    const name = f.trim().toLowerCase();
    return name.startsWith("#") ? name : `#${name}`;
  });
  return {
    columns,
    unknown: columns.find((c) => c !== "#domain" && !(c in FIELD_OF)),
  };
}

/**
 * One CSV record read against its header: the domain and the fields the line sets (a column the
 * line leaves empty sets its default: severity `suspend`, flags false, no comment), or why the
 * line can't be read.
 */
export function readCsvLine(
  columns: string[],
  values: string[],
): {
  domain: string;
  set: Partial<db.DomainBlockFields>;
} | { error: string } {
  if (values.length !== columns.length) {
    return {
      error: `${values.length} fields, the header has ${columns.length}`,
    };
  }
  const value = (column: string) => values[columns.indexOf(column)] ?? "";
  const domain = normalizeDomain(value("#domain"));
  if (!domain) return { error: `"${value("#domain")}" is not a domain` };
  const set: Partial<db.DomainBlockFields> = {};
  for (const column of columns) {
    const field = FIELD_OF[column];
    if (!field) continue;
    const raw = value(column);
    if (field === "severity") {
      const severity = raw.trim().toLowerCase() || "suspend";
      if (!db.SEVERITIES.includes(severity as db.Severity)) {
        return { error: `"${raw}" is not a severity (noop, silence, suspend)` };
      }
      set.severity = severity as db.Severity;
    } else if (field === "public_comment") {
      set.public_comment = raw.trim() || null;
    } else {
      const flag = parseBoolean(raw);
      if (flag === null) {
        return { error: `"${raw}" is not true or false (${column})` };
      }
      set[field as "reject_media" | "reject_reports" | "obfuscate"] = flag;
    }
  }
  return { domain, set };
}

/** What importing `text` would do, line by line; `errors` lists the lines that can't be read. */
export async function previewDomainBlockImport(
  sql: Sql,
  actor: Actor | null,
  text: string,
): Promise<ImportPreview> {
  requirePermission(actor, "manage_federation");
  let records: { line: number; fields: string[] }[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) {
      return {
        lines: [],
        errors: [{ line: error.line, message: error.message }],
      };
    }
    throw error;
  }
  const errors: ImportError[] = [];
  const header = records.shift();
  const { columns, unknown } = csvColumns(header?.fields ?? []);
  if (!header || !columns.includes("#domain")) {
    return {
      lines: [],
      errors: [{ line: header?.line ?? 1, message: "no #domain column" }],
    };
  }
  if (unknown) {
    errors.push({ line: header.line, message: `unknown column ${unknown}` });
  }
  const existing = new Map(
    (await db.allDomainBlocks(sql)).map((b) => [b.domain, b]),
  );
  const seen = new Set<string>();
  const lines: ImportLine[] = [];
  for (const record of records) {
    const read = readCsvLine(columns, record.fields);
    if ("error" in read) {
      errors.push({ line: record.line, message: read.error });
      continue;
    }
    const { domain } = read;
    if (seen.has(domain)) {
      errors.push({ line: record.line, message: `${domain} is listed twice` });
      continue;
    }
    seen.add(domain);
    const before = existing.get(domain);
    const fields: db.DomainBlockFields = {
      severity: before?.severity ?? "suspend",
      reject_media: before?.reject_media ?? false,
      reject_reports: before?.reject_reports ?? false,
      private_comment: before?.private_comment ?? null,
      public_comment: before?.public_comment ?? null,
      obfuscate: before?.obfuscate ?? false,
      ...read.set,
    };
    const changes: Record<string, [unknown, unknown]> = {};
    if (before) {
      for (const key of Object.keys(fields) as (keyof db.DomainBlockFields)[]) {
        if (before[key] !== fields[key]) {
          changes[key] = [before[key], fields[key]];
        }
      }
    }
    lines.push({
      line: record.line,
      domain,
      fields,
      action: !before
        ? "create"
        : Object.keys(changes).length
        ? "update"
        : "unchanged",
      changes,
    });
  }
  return { lines, errors };
}

/**
 * Applies an import: all of it in one transaction, or (any line unreadable) nothing — a 422
 * naming the lines.
 */
export async function applyDomainBlockImport(
  deps: BlockDeps,
  actor: Actor | null,
  text: string,
): Promise<ImportPreview> {
  const mod = requirePermission(actor, "manage_federation");
  const preview = await previewDomainBlockImport(deps.sql, actor, text);
  if (preview.errors.length) throw importRefused(preview.errors);
  await deps.sql.begin(async (tx) => {
    for (const line of preview.lines) {
      if (line.action === "unchanged") continue;
      const previous = await db.findDomainBlock(tx, { domain: line.domain });
      const block = previous
        ? await db.updateDomainBlockRow(tx, previous.id, line.fields)
        : await db.insertDomainBlock(tx, line.domain, line.fields);
      await recordAction(tx, {
        accountId: mod.accountId,
        action: previous ? "update" : "create",
        targetType: "DomainBlock",
        targetId: block.id,
        humanIdentifier: block.domain,
      });
      await onBlockChange(tx, deps.jobs, block, previous);
    }
  });
  return preview;
}

export function importRefused(errors: ImportError[]): DomainError {
  return invalid(
    errors.map((e) => `line ${e.line}: ${e.message}`).join("; "),
    "file",
  );
}

/** Every block as Mastodon's CSV export. */
export async function exportDomainBlocks(
  sql: Sql,
  actor: Actor | null,
): Promise<string> {
  requirePermission(actor, "manage_federation");
  const rows = (await db.allDomainBlocks(sql)).map((b) =>
    [
      b.domain,
      b.severity,
      String(b.reject_media),
      String(b.reject_reports),
      b.public_comment ?? "",
      String(b.obfuscate),
    ].map(csvField).join(",")
  );
  return [CSV_COLUMNS.join(","), ...rows].join("\n") + "\n";
}
