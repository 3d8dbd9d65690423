/**
 * THE rule deciding whether a viewer may see a status. Every read path uses it: single-status
 * reads call `canSee` (or `requireVisible`), list queries use its SQL twin `visibleToSql` in
 * `lib/db/visibility.ts`. An invisible status is reported exactly like a missing one (404).
 */
import type { Queryable } from "../db/client.ts";
import {
  isAuthorHidden,
  loadViewerRelations,
  loadViewersRelations,
  type ViewerRelations,
} from "../db/visibility.ts";
import { notFound } from "./errors.ts";

export type Visibility = "public" | "unlisted" | "private" | "direct";
export const VISIBILITIES: readonly Visibility[] = [
  "public",
  "unlisted",
  "private",
  "direct",
];

export interface Viewer {
  accountId: string;
}

export interface VisibleStatus {
  id: string;
  account_id: string;
  visibility: string;
}

export type { ViewerRelations };

/**
 * Public and unlisted: everyone (unlisted is only kept out of public timelines, which the
 * timeline queries do). Private: author, followers, mentioned. Direct: author, mentioned.
 * An account the author blocks sees nothing; nobody but the author sees a suspended author's.
 */
export function canSee(
  viewer: Viewer | null,
  status: VisibleStatus,
  relations: ViewerRelations | null,
): boolean {
  if (viewer && viewer.accountId === status.account_id) return true;
  if (relations?.authorSuspended) return false;
  if (viewer && relations?.blockedByAuthor) return false;
  if (status.visibility === "public" || status.visibility === "unlisted") {
    return true;
  }
  if (!viewer || !relations) return false;
  if (relations.mentioned) return true;
  return status.visibility === "private" && relations.following;
}

/** Loads what `canSee` needs and applies it. */
export async function isVisibleTo(
  db: Queryable,
  viewer: Viewer | null,
  status: VisibleStatus,
): Promise<boolean> {
  if (viewer?.accountId === status.account_id) return true;
  if (await isAuthorHidden(db, status.account_id)) return false;
  if (!viewer) return canSee(null, status, null);
  return canSee(
    viewer,
    status,
    await loadViewerRelations(db, viewer.accountId, status),
  );
}

/** `isVisibleTo` for many viewers at once (null: anonymous): the ones who may see it. */
export async function viewersWhoSee(
  db: Queryable,
  viewerIds: (string | null)[],
  status: VisibleStatus,
): Promise<Set<string | null>> {
  if (await isAuthorHidden(db, status.account_id)) return new Set();
  const relations = await loadViewersRelations(
    db,
    viewerIds.filter((id): id is string => id !== null),
    status,
  );
  return new Set(
    viewerIds.filter((id) =>
      canSee(
        id ? { accountId: id } : null,
        status,
        id ? relations.get(id) ?? null : null,
      )
    ),
  );
}

/** Throws the same 404 as a missing status when the viewer may not see it. */
export async function requireVisible<S extends VisibleStatus>(
  db: Queryable,
  viewer: Viewer | null,
  status: S | null,
): Promise<S> {
  if (!status || !(await isVisibleTo(db, viewer, status))) throw notFound();
  return status;
}
