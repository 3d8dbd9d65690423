/** GET /api/v1/announcements — the published announcements (`with_dismissed` adds read ones). */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { renderAnnouncements } from "../../../../lib/mastodon/entities/announcement.ts";
import { announcementsFor } from "../../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read");
    const params = await Params.from(ctx.req, ctx.url);
    const rows = await announcementsFor(deps.sql, me.account.id, {
      withDismissed: params.boolean("with_dismissed") ?? false,
    });
    return json(
      await renderAnnouncements({
        sql: deps.sql,
        origin: deps.config.origin,
        viewerId: me.account.id,
        mediaUrl: (key) => deps.media.url(key),
      }, rows),
    );
  },
});
