/** GET /api/v1/instance/terms_of_service/:date — the version effective from that date. */
import { define } from "../../../../../utils.ts";
import { ApiError, json } from "../../../../../lib/mastodon/errors.ts";
import { termsOfServiceJson } from "../../../../../lib/mastodon/entities/terms-of-service.ts";
import { termsOfDate } from "../../../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const terms = await termsOfDate(deps.sql, ctx.params.date);
    if (!terms) throw new ApiError(404, "Record not found");
    return json(termsOfServiceJson(terms, deps.config.origin));
  },
});
