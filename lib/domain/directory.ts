/**
 * The profile directory (Mastodon's /api/v1/directory): accounts that chose to be discoverable,
 * by latest post (`active`, the default) or newest (`new`), optionally local only.
 */
import type { Queryable } from "../db/client.ts";
import { listDirectory } from "../db/directory.ts";

export interface DirectoryQuery {
  order?: string;
  local: boolean;
  offset: number;
  limit: number;
}

export function directory(
  sql: Queryable,
  viewerId: string | null,
  q: DirectoryQuery,
) {
  return listDirectory(sql, viewerId, {
    order: q.order === "new" ? "new" : "active",
    local: q.local,
    offset: q.offset,
    limit: q.limit,
  });
}
