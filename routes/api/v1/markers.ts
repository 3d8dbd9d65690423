/** GET/POST /api/v1/markers — `timeline[]=home&timeline[]=notifications`; `home[last_read_id]`. */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { Params } from "../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../lib/mastodon/status-api.ts";
import { getMarkers, saveMarkers } from "../../../lib/domain/markers.ts";
import { markersJson } from "../../../lib/mastodon/entities/marker.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:statuses");
    const params = await Params.from(ctx.req, ctx.url);
    return json(
      markersJson(
        await getMarkers(deps.sql, me.account.id, params.array("timeline")),
      ),
    );
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:statuses");
    const params = await Params.from(ctx.req, ctx.url);
    const positions: Record<string, string> = {};
    for (const timeline of ["home", "notifications"]) {
      const id = params.string(timeline, "last_read_id");
      if (id) positions[timeline] = id;
    }
    return json(
      markersJson(await saveMarkers(deps.sql, me.account.id, positions)),
    );
  },
});
