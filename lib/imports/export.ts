/**
 * The CSV exports, in Mastodon's formats (the same files its export page offers, so each can be
 * imported back into Mastodon or Starling). Each is streamed a page of rows at a time: a long
 * list of follows is never one string in memory.
 */
import type { Sql } from "../db/client.ts";
import * as db from "../db/imports.ts";

const PAGE = 500;

type Cell = string | boolean;

interface ExportFile {
  /** The header row, when Mastodon writes one. */
  header: string[] | null;
  /** The rows after the key `after` (at most `limit`), each with its key. */
  page(
    sql: Sql,
    accountId: string,
    host: string,
    after: string,
    limit: number,
  ): Promise<{ key: string; cells: Cell[] }[]>;
}

const EXPORT_FILES = {
  "following_accounts.csv": {
    header: [
      "Account address",
      "Show boosts",
      "Notify on new posts",
      "Languages",
    ],
    page: async (sql, accountId, host, after, limit) =>
      (await db.followingPage(sql, accountId, host, after, limit)).map((r) => ({
        key: r.key,
        cells: [
          r.acct,
          r.show_reblogs,
          r.notify,
          r.languages?.join(", ") ?? "",
        ],
      })),
  },
  "followers.csv": {
    header: ["Account address"],
    page: async (sql, accountId, host, after, limit) =>
      (await db.followersPage(sql, accountId, host, after, limit)).map((r) => ({
        key: r.key,
        cells: [r.acct],
      })),
  },
  "lists.csv": {
    header: null,
    page: async (sql, accountId, host, after, limit) =>
      (await db.listMembersPage(sql, accountId, host, after, limit)).map((
        r,
      ) => ({ key: r.key, cells: [r.title, r.acct] })),
  },
  "blocked_accounts.csv": {
    header: null,
    page: async (sql, accountId, host, after, limit) =>
      (await db.blocksPage(sql, accountId, host, after, limit)).map((r) => ({
        key: r.key,
        cells: [r.acct],
      })),
  },
  "muted_accounts.csv": {
    header: ["Account address", "Hide notifications"],
    page: async (sql, accountId, host, after, limit) =>
      (await db.mutesPage(sql, accountId, host, after, limit)).map((r) => ({
        key: r.key,
        cells: [r.acct, r.hide_notifications],
      })),
  },
  "blocked_domains.csv": {
    header: null,
    page: async (sql, accountId, _host, after, limit) =>
      (await db.domainBlocksPage(sql, accountId, after, limit)).map((r) => ({
        key: r.key,
        cells: [r.domain],
      })),
  },
  "bookmarks.csv": {
    header: null,
    page: async (sql, accountId, _host, after, limit) =>
      (await db.bookmarksPage(sql, accountId, after, limit)).map((r) => ({
        key: r.key,
        cells: [r.uri],
      })),
  },
} satisfies Record<string, ExportFile>;

export type ExportFileName = keyof typeof EXPORT_FILES;

export function isExportFile(name: string): name is ExportFileName {
  return Object.hasOwn(EXPORT_FILES, name);
}

/** One CSV line (RFC 4180 quoting, as Ruby's CSV writes it). */
export function csvLine(cells: Cell[]): string {
  return cells.map((cell) => {
    const text = String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }).join(",") + "\n";
}

/** The file's bytes, produced as the reader pulls them. */
export function exportCsv(
  deps: { sql: Sql; config: { host: string } },
  accountId: string,
  name: ExportFileName,
): ReadableStream<Uint8Array> {
  const file: ExportFile = EXPORT_FILES[name];
  const encoder = new TextEncoder();
  let after: string | null = null;
  return new ReadableStream({
    async pull(controller) {
      if (after === null) {
        after = "0";
        if (file.header) {
          controller.enqueue(encoder.encode(csvLine(file.header)));
          return;
        }
      }
      const rows = await file.page(
        deps.sql,
        accountId,
        deps.config.host,
        after,
        PAGE,
      );
      if (rows.length > 0) {
        controller.enqueue(
          encoder.encode(rows.map((r) => csvLine(r.cells)).join("")),
        );
        after = rows[rows.length - 1].key;
      }
      if (rows.length < PAGE) controller.close();
    },
  }, { highWaterMark: 0 });
}

export const exportCounts = db.exportCounts;
