/** GET /api/v1/instance/terms_of_service — the terms in force; 404 when none were published. */
import { define } from "../../../../../utils.ts";
import { ApiError, json } from "../../../../../lib/mastodon/errors.ts";
import { termsOfServiceJson } from "../../../../../lib/mastodon/entities/terms-of-service.ts";
import { currentTerms } from "../../../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const terms = await currentTerms(deps.sql);
    if (!terms) throw new ApiError(404, "Record not found");
    return json(termsOfServiceJson(terms, deps.config.origin));
  },
});
