/** GET /api/v1/instance — the v1 description, for clients that don't know v2. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { accountJson } from "../../../../lib/mastodon/entities/account.ts";
import { instanceV1Json } from "../../../../lib/mastodon/entities/instance.ts";
import { instanceOverview } from "../../../../lib/domain/instance.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { config } = ctx.state.deps;
    const overview = await instanceOverview(ctx.state.deps);
    const { stats, contact } = overview;
    return json(
      instanceV1Json(
        config,
        overview,
        stats,
        contact ? accountJson(contact, config.origin) : null,
      ),
    );
  },
});
