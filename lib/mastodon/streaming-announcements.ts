/**
 * What the `user` streams hear of announcements (Mastodon's names and payloads): the entity on
 * `announcement`, rendered once without a viewer (as Mastodon does: `read` and `me` come from
 * the REST API); `{name, count, announcement_id}` on `announcement.reaction`; the bare id on
 * `announcement.delete`.
 */
import type { Queryable } from "../db/client.ts";
import type { DomainEvent } from "../domain/effects.ts";
import { renderAnnouncements } from "./entities/announcement.ts";
import { findPublishedAnnouncement, reactionsOf } from "../instance/mod.ts";

export type AnnouncementEvent = Extract<
  DomainEvent,
  { type: `announcement.${string}` }
>;

export function isAnnouncementEvent(
  event: DomainEvent,
): event is AnnouncementEvent {
  return event.type.startsWith("announcement.");
}

/** The stream message for `event`; null when there is nothing to say (withdrawn meanwhile). */
export async function announcementMessage(
  options: { sql: Queryable; origin: string },
  event: AnnouncementEvent,
): Promise<{ event: string; payload: string } | null> {
  const { sql, origin } = options;
  const id = event.announcementId;
  switch (event.type) {
    case "announcement.published": {
      const row = await findPublishedAnnouncement(sql, id);
      if (!row) return null;
      const [json] = await renderAnnouncements(
        { sql, origin, viewerId: null },
        [row],
      );
      return { event: "announcement", payload: JSON.stringify(json) };
    }
    case "announcement.reaction": {
      const reaction = (await reactionsOf(sql, [id], null))
        .find((r) => r.name === event.name);
      return {
        event: "announcement.reaction",
        payload: JSON.stringify({
          name: event.name,
          count: reaction?.count ?? 0,
          announcement_id: id,
        }),
      };
    }
    case "announcement.deleted":
      return { event: "announcement.delete", payload: id };
  }
}
