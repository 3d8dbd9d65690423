/**
 * What the status, timeline and notification routes share: the optional or required caller,
 * rendering statuses for that caller, and pages with Mastodon's `Link` header.
 */
import type { Deps } from "../deps.ts";
import type { StatusRow } from "../db/statuses.ts";
import type { FilterContext } from "../domain/filters.ts";
import { authenticateRequest, requireScope, requireUser } from "./auth.ts";
import { json, jsonText } from "./errors.ts";
import { linkHeader, type PageQuery, pageQuery } from "./pagination.ts";
import {
  type RenderOptions,
  renderStatus,
  renderStatuses,
} from "./entities/status.ts";
import { renderStatusesJson } from "./entities/status-json.ts";
import { accountJson } from "./entities/account.ts";
import { statusActors } from "../domain/timelines.ts";

/** The signed-in caller with one of `scopes`. */
export async function requireCaller(
  deps: Deps,
  req: Request,
  ...scopes: string[]
) {
  return requireUser(await authenticateRequest(deps, req), ...scopes);
}

/** The caller's account id when a token was sent (anonymous reads are allowed), else null. */
export async function optionalViewer(
  deps: Deps,
  req: Request,
  ...scopes: string[]
): Promise<string | null> {
  const auth = await authenticateRequest(deps, req);
  if (!auth) return null;
  requireScope(auth, ...scopes);
  return auth.account?.id ?? null;
}

export async function statusResponse(
  deps: Deps,
  viewerId: string | null,
  row: StatusRow,
) {
  const page = await renderStatusesJson(renderOptions(deps, viewerId), [row]);
  if (page === "[]") throw new Error(`status ${row.id} could not be rendered`);
  return jsonText(page.slice(1, -1));
}

function renderOptions(deps: Deps, viewerId: string | null): RenderOptions {
  return {
    sql: deps.sql,
    origin: deps.config.origin,
    viewerId,
    mediaUrl: (key) => deps.media.url(key),
  };
}

export function statusJsonFor(
  deps: Deps,
  viewerId: string | null,
  row: StatusRow,
) {
  return renderStatus(renderOptions(deps, viewerId), row);
}

/** Statuses rendered for the viewer in the order given (no filters applied), as a response. */
export async function statusListResponse(
  deps: Deps,
  viewerId: string | null,
  rows: StatusRow[],
): Promise<Response> {
  return json(await renderStatuses(renderOptions(deps, viewerId), rows));
}

/** The paging query with Mastodon's limits (default 20, at most 40). */
export function page(url: URL, limits = { limit: 20, max: 40 }): PageQuery {
  return pageQuery(url, limits);
}

/**
 * A page of statuses with `Link`. Paging ids come from the rows before filtering, so a page
 * whose statuses are all hidden by filters still lets the client page on.
 */
export async function statusPageResponse(
  deps: Deps,
  url: URL,
  viewerId: string | null,
  rows: (StatusRow & { mark_id?: string })[],
  filterContext?: FilterContext,
): Promise<Response> {
  const body = await renderStatusesJson(
    { ...renderOptions(deps, viewerId), filterContext },
    rows,
  );
  const link = linkHeader(
    deps.config.origin,
    url,
    rows,
    (row) => row.mark_id ?? row.id,
  );
  return jsonText(body, { headers: link ? { link } : {} });
}

/**
 * `favourited_by` / `reblogged_by`: the accounts that favourited or boosted a visible status,
 * paged by the favourites' (or boosts') own ids.
 */
export async function statusActorsResponse(
  deps: Deps,
  req: Request,
  url: URL,
  statusId: string,
  kind: "favourites" | "reblogs",
): Promise<Response> {
  const viewerId = await optionalViewer(deps, req, "read:accounts");
  const rows = await statusActors(
    deps.sql,
    viewerId,
    statusId,
    kind,
    page(url, { limit: 40, max: 80 }),
  );
  const link = linkHeader(deps.config.origin, url, rows, (row) => row.mark_id);
  return json(rows.map((row) => accountJson(row, deps.config.origin)), {
    headers: link ? { link } : {},
  });
}
