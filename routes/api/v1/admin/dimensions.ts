/** POST /api/v1/admin/dimensions — Admin::Dimension for `keys[]` (top `limit` keys each). */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import {
  READ_DASHBOARD,
  requireStaffCaller,
} from "../../../../lib/mastodon/admin-api.ts";
import { renderAdminDimension } from "../../../../lib/mastodon/entities/admin-metrics.ts";
import { STARLING_VERSION } from "../../../../lib/version.ts";
import { dimensions } from "../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_DASHBOARD);
    const params = await Params.from(ctx.req, ctx.url);
    // Mastodon's dashboard asks space_usage and software_versions with no period: today.
    const today = new Date().toISOString().slice(0, 10);
    const result = await dimensions(
      deps.sql,
      actor,
      params.array("keys"),
      {
        startAt: params.string("start_at") ?? today,
        endAt: params.string("end_at") ?? today,
      },
      Math.min(Math.max(params.integer("limit") ?? 10, 1), 100),
      (key, name) => params.string(key, name),
      { name: "starling", version: STARLING_VERSION },
    );
    return json(result.map(renderAdminDimension));
  },
});
