/**
 * Reading a published blocklist, in the three shapes lists are published in:
 * - Mastodon's CSV export (`#domain,#severity,…`; the `#` is often left out elsewhere),
 * - a JSON array of objects with `domain` (Mastodon's `GET /api/v1/instance/domain_blocks`,
 *   GoToSocial's export: `severity`, `comment` or `public_comment`, `obfuscate`, …),
 * - plain text, one domain a line, `#` starting a comment.
 * What a line doesn't say takes Mastodon's import defaults (severity `suspend`). Lines that
 * can't be read, and domains a list shows obfuscated (`exa*le.com`), are skipped and reported.
 */
import type { DomainBlockFields, Severity } from "./federation-policy-db.ts";
import { SEVERITIES } from "./federation-policy-db.ts";
import { normalizeDomain } from "./federation-policy.ts";
import { csvColumns, CsvError, parseCsv, readCsvLine } from "./domain-csv.ts";

/** What a list can say about a block: everything but the private comment, which is ours. */
export type ListedFields = Omit<DomainBlockFields, "private_comment">;

export interface ParsedBlocklist {
  blocks: Map<string, ListedFields>;
  skipped: { line: number; message: string }[];
}

const DEFAULTS: ListedFields = {
  severity: "suspend",
  reject_media: false,
  reject_reports: false,
  public_comment: null,
  obfuscate: false,
};

export function parseBlocklist(text: string): ParsedBlocklist {
  const body = text.replace(/^\uFEFF/, "");
  const first = body.trimStart();
  if (first.startsWith("[")) return parseJson(body);
  const firstLine = first.split(/\r?\n/, 1)[0].trim().toLowerCase();
  if (/^#?domain\s*,/.test(firstLine) || firstLine === "#domain") {
    return parseCsvList(body);
  }
  return parsePlain(body);
}

function parseCsvList(text: string): ParsedBlocklist {
  const result: ParsedBlocklist = { blocks: new Map(), skipped: [] };
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    result.skipped.push({ line: error.line, message: error.message });
    return result;
  }
  const header = records.shift()!;
  // Columns we don't know (lists add their own) are ignored: `readCsvLine` skips them.
  const { columns } = csvColumns(header.fields);
  for (const record of records) {
    const read = readCsvLine(columns, record.fields);
    if ("error" in read) {
      result.skipped.push({ line: record.line, message: read.error });
    } else {
      result.blocks.set(read.domain, {
        ...DEFAULTS,
        ...withoutPrivate(read.set),
      });
    }
  }
  return result;
}

function withoutPrivate(
  set: Partial<DomainBlockFields>,
): Partial<ListedFields> {
  const { private_comment: _, ...listed } = set;
  return listed;
}

function parseJson(text: string): ParsedBlocklist {
  const result: ParsedBlocklist = { blocks: new Map(), skipped: [] };
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    result.skipped.push({ line: 1, message: "not valid JSON" });
    return result;
  }
  if (!Array.isArray(entries)) {
    result.skipped.push({ line: 1, message: "not a JSON array" });
    return result;
  }
  entries.forEach((entry, index) => {
    const item = `entry ${index + 1}`;
    const skip = (message: string) =>
      result.skipped.push({ line: index + 1, message: `${item}: ${message}` });
    if (typeof entry !== "object" || entry === null) {
      return skip("not an object");
    }
    const e = entry as Record<string, unknown>;
    const raw = typeof e.domain === "string" ? e.domain : "";
    if (raw.includes("*")) return skip(`${raw} is obfuscated`);
    const domain = normalizeDomain(raw);
    if (!domain) return skip(`"${raw}" is not a domain`);
    const severity = typeof e.severity === "string"
      ? e.severity.toLowerCase()
      : "suspend";
    if (!SEVERITIES.includes(severity as Severity)) {
      return skip(`"${severity}" is not a severity`);
    }
    const comment = e.public_comment ?? e.comment;
    result.blocks.set(domain, {
      severity: severity as Severity,
      reject_media: e.reject_media === true,
      reject_reports: e.reject_reports === true,
      public_comment: typeof comment === "string" && comment.trim()
        ? comment.trim()
        : null,
      obfuscate: e.obfuscate === true,
    });
  });
  return result;
}

function parsePlain(text: string): ParsedBlocklist {
  const result: ParsedBlocklist = { blocks: new Map(), skipped: [] };
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.replace(/#.*$/, "").trim();
    if (!line) return;
    const domain = normalizeDomain(line);
    if (domain) result.blocks.set(domain, { ...DEFAULTS });
    else {
      result.skipped.push({
        line: index + 1,
        message: `"${line}" is not a domain`,
      });
    }
  });
  return result;
}
