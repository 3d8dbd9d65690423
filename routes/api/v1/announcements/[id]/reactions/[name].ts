/** PUT/DELETE /api/v1/announcements/:id/reactions/:name — the caller's emoji reaction. */
import { define } from "../../../../../../utils.ts";
import { json } from "../../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../../lib/mastodon/status-api.ts";
import { reactToAnnouncement } from "../../../../../../lib/instance/mod.ts";
import type { PageContext } from "../../../../../../lib/web/pages.ts";

function react(add: boolean) {
  return async (ctx: PageContext) => {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:favourites");
    await reactToAnnouncement(
      deps,
      me.account.id,
      ctx.params.id,
      ctx.params.name,
      add,
    );
    return json({});
  };
}

export const handler = define.handlers({
  PUT: react(true),
  DELETE: react(false),
});
