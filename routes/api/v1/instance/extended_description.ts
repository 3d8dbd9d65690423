/** GET /api/v1/instance/extended_description — the "about" text admins write. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import {
  extendedDescriptionOf,
  instanceSettings,
} from "../../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const text = extendedDescriptionOf(
      await instanceSettings(deps),
      deps.config.origin,
    );
    return json({
      updated_at: text.updatedAt.toISOString(),
      content: text.content,
    });
  },
});
