/**
 * The announcements a signed-in user hasn't dismissed, above the home timeline. Dismissing is a
 * plain form post (POST /announcements/:id/dismiss), so it works without JavaScript.
 */
import type { TimelineMessages } from "../lib/i18n/en/timeline.ts";

export interface BannerAnnouncement {
  id: string;
  html: string;
  when: string | null;
}

export function AnnouncementBanner(
  { announcements, csrf, labels }: {
    announcements: BannerAnnouncement[];
    csrf: string;
    labels: Pick<TimelineMessages, "announcements" | "dismiss">;
  },
) {
  if (announcements.length === 0) return null;
  return (
    <section class="card announcements" aria-label={labels.announcements}>
      {announcements.map((a) => (
        <article class="announcement">
          <div dangerouslySetInnerHTML={{ __html: a.html }} />
          {a.when && <p class="announcement-when">{a.when}</p>}
          <form
            method="post"
            action={`/announcements/${a.id}/dismiss`}
            class="inline"
          >
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="return_to" value="/home" />
            <button type="submit" class="link">{labels.dismiss}</button>
          </form>
        </article>
      ))}
    </section>
  );
}
