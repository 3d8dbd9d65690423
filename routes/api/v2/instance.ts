/** GET /api/v2/instance — what clients read first: version, limits, streaming URL, rules. */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { accountJson } from "../../../lib/mastodon/entities/account.ts";
import { instanceV2Json } from "../../../lib/mastodon/entities/instance.ts";
import { instanceOverview } from "../../../lib/domain/instance.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { config, vapid } = ctx.state.deps;
    const overview = await instanceOverview(ctx.state.deps);
    const { stats, contact } = overview;
    return json(
      instanceV2Json(
        config,
        overview,
        stats,
        contact ? accountJson(contact, config.origin) : null,
        vapid.publicKey,
      ),
    );
  },
});
