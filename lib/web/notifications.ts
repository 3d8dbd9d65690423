/** The notifications badge count: notifications newer than the `notifications` read marker. */
import { getMarkers, saveMarkers } from "../domain/markers.ts";
import { unreadCount } from "../domain/notifications.ts";
import type { Deps } from "../deps.ts";

export async function unreadNotifications(
  deps: Deps,
  accountId: string,
): Promise<number> {
  const [marker] = await getMarkers(deps.sql, accountId, ["notifications"]);
  return await unreadCount(
    deps.sql,
    accountId,
    marker?.last_read_id ?? null,
    100,
  );
}

/** Seeing the newest notification marks everything up to it as read. */
export async function markNotificationsRead(
  deps: Deps,
  accountId: string,
  newestId: string,
): Promise<void> {
  const [marker] = await getMarkers(deps.sql, accountId, ["notifications"]);
  if (marker && BigInt(marker.last_read_id) >= BigInt(newestId)) return;
  await saveMarkers(deps.sql, accountId, { notifications: newestId });
}
