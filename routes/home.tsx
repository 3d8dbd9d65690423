import { page } from "fresh";
import { define } from "../utils.ts";
import { homeTimeline } from "../lib/domain/timelines.ts";
import {
  messages,
  newerLink,
  olderLink,
  signInFirst,
  statusContext,
  uiStatuses,
  webPage,
} from "../lib/web/pages.ts";
import { Timeline } from "../components/Timeline.tsx";
import ComposeBox from "../islands/ComposeBox.tsx";
import type { PickerEmoji } from "../components/EmojiPicker.tsx";
import {
  localEmojisNamed,
  pickerEmojis,
  shortcodesIn,
} from "../lib/emoji/mod.ts";
import { emojifyHtml } from "../components/CustomEmoji.tsx";
import type { CustomEmoji } from "../lib/mastodon/entities/types.ts";
import type { UiStatus, Visibility } from "../components/mastodon.ts";
import type { StatusContext } from "../components/StatusCard.tsx";
import { PageHead } from "../components/PageHead.tsx";
import {
  AnnouncementBanner,
  type BannerAnnouncement,
} from "../components/AnnouncementBanner.tsx";
import { formatDateTime } from "../components/format.ts";
import {
  type AnnouncementRow,
  announcementsFor,
  renderInstanceText,
} from "../lib/instance/mod.ts";

interface Data {
  statuses: UiStatus[];
  context: StatusContext;
  older: string | null;
  newer: string | null;
  announcements: BannerAnnouncement[];
  emojis: PickerEmoji[];
}

function bannerOf(
  row: AnnouncementRow,
  origin: string,
  emojis: CustomEmoji[],
  locale: string,
): BannerAnnouncement {
  const when = (time: Date) =>
    row.all_day
      ? time.toISOString().slice(0, 10)
      : formatDateTime(time.toISOString(), locale);
  return {
    id: String(row.id),
    html: emojifyHtml(renderInstanceText(row.text, origin), emojis),
    when: row.starts_at && row.ends_at
      ? `${when(row.starts_at)} – ${when(row.ends_at)}`
      : null,
  };
}

/** The signed-in home: compose box, then the home timeline (posts of followed accounts). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const query = webPage(ctx.url);
    const { sql, config, media } = ctx.state.deps;
    const [rows, announcements, emojis] = await Promise.all([
      homeTimeline(sql, session.account.id, query),
      announcementsFor(sql, session.account.id),
      pickerEmojis(sql, (key) => media.url(key)),
    ]);
    // The local custom emoji the announcements name.
    const announced = await localEmojisNamed(
      sql,
      (key) => media.url(key),
      shortcodesIn(...announcements.map((a) => a.text)),
    );
    return page({
      statuses: await uiStatuses(ctx, rows, "home"),
      context: statusContext(ctx),
      older: olderLink(ctx.url, rows, query.limit),
      newer: newerLink(ctx.url),
      announcements: announcements.map((a) =>
        bannerOf(
          a,
          config.origin,
          [...announced.values()],
          ctx.state.locale ?? "en",
        )
      ),
      emojis,
    });
  },
});

export default define.page<typeof handler>(function Home({ data, state }) {
  const session = state.session!;
  const t = messages({ state }).timeline;
  return (
    <>
      <PageHead title={t.home} />
      <h1 class="visually-hidden">{t.home}</h1>
      <AnnouncementBanner
        announcements={data.announcements}
        csrf={state.csrfToken}
        labels={t}
      />
      {!data.newer && (
        <section class="card compose-card" aria-label={t.newPost}>
          <ComposeBox
            csrf={state.csrfToken}
            defaultVisibility={session.user.default_privacy as Visibility}
            maxCharacters={500}
            returnTo="/home"
            emojis={data.emojis}
            labels={messages({ state }).compose.box}
            locale={state.locale ?? "en"}
          />
        </section>
      )}
      <Timeline
        statuses={data.statuses}
        context={data.context}
        label={t.homeTimeline}
        older={data.older}
        newer={data.newer}
        stream="user"
        api="/api/v1/timelines/home"
        live
        empty={t.homeEmpty}
        labels={t}
      />
    </>
  );
});
