/** GET /api/v1/suggestions (v1) — the accounts of /api/v2/suggestions, without their sources. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import {
  suggestionLimit,
  suggestionsFor,
} from "../../../../lib/domain/suggestions.ts";
import { accountJson } from "../../../../lib/mastodon/entities/account.ts";

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
    return json(rows.map((row) => accountJson(row, deps.config.origin)));
  },
});
