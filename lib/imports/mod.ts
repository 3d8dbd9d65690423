/**
 * Moving one's social graph in and out in Mastodon's CSV formats: the exports (streamed) and
 * the imports (parsed whole, then applied by the `import.process` job). Everything outside
 * `lib/imports` imports from here.
 */
import type { Queryable } from "../db/client.ts";
import * as db from "../db/imports.ts";

export {
  csvLine,
  exportCounts,
  exportCsv,
  type ExportFileName,
  isExportFile,
} from "./export.ts";
export {
  IMPORT_COLUMNS,
  IMPORT_TYPE_LABELS,
  MAX_IMPORT_ROWS,
  parseImportFile,
} from "./parse.ts";
export {
  IMPORT_BATCH_ROWS,
  IMPORT_JOB,
  importJob,
  type NewImport,
  processImportBatch,
  REMOTE_PAUSE_MS,
  startImport,
} from "./process.ts";
export type {
  ExportCounts,
  FailedImportRow,
  ImportMode,
  ImportRecord,
  ImportType,
} from "../db/imports.ts";

export const IMPORT_TYPES: readonly db.ImportType[] = [
  "following",
  "blocking",
  "muting",
  "domain_blocking",
  "bookmarks",
  "lists",
];

export function isImportType(value: string): value is db.ImportType {
  return (IMPORT_TYPES as readonly string[]).includes(value);
}

/** Failures shown per import on the page. */
const FAILURES_SHOWN = 100;

/** The account's latest imports with their progress and (the first) failed rows. */
export async function recentImports(
  sql: Queryable,
  accountId: string,
  limit = 5,
): Promise<(db.ImportRecord & { failures: db.FailedImportRow[] })[]> {
  const imports = await db.listImports(sql, accountId, limit);
  return await Promise.all(imports.map(async (record) => ({
    ...record,
    failures: record.failed_rows > 0
      ? await db.failedRows(sql, record.id, FAILURES_SHOWN)
      : [],
  })));
}
