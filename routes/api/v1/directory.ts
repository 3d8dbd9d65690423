/** GET /api/v1/directory — discoverable accounts (`order=active|new`, `local`, offset/limit). */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { Params } from "../../../lib/mastodon/params.ts";
import { offsetPage } from "../../../lib/mastodon/pagination.ts";
import { optionalViewer } from "../../../lib/mastodon/status-api.ts";
import { directory } from "../../../lib/domain/directory.ts";
import { accountsJson } from "../../../lib/mastodon/account-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:accounts");
    const params = await Params.from(ctx.req, ctx.url);
    const rows = await directory(deps.sql, viewerId, {
      order: params.string("order"),
      local: params.boolean("local") ?? false,
      ...offsetPage(ctx.url, { limit: 40, max: 80 }),
    });
    return json(await accountsJson(deps, rows));
  },
});
