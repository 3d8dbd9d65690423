/** GET /api/v2/suggestions — accounts to follow, each with why (`sources`). */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { Params } from "../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../lib/mastodon/status-api.ts";
import {
  suggestionLimit,
  suggestionsFor,
} from "../../../lib/domain/suggestions.ts";
import { suggestionJson } from "../../../lib/mastodon/entities/suggestion.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:accounts");
    const params = await Params.from(ctx.req, ctx.url);
    const rows = await suggestionsFor(
      deps.sql,
      me.account.id,
      suggestionLimit(params.integer("limit")),
    );
    return json(rows.map((row) => suggestionJson(row, deps.config.origin)));
  },
});
