/** GET /api/v1/instance/privacy_policy — the admins' policy, or a short built-in one. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import {
  instanceSettings,
  privacyPolicyOf,
} from "../../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const text = privacyPolicyOf(await instanceSettings(deps), deps.config);
    return json({
      updated_at: text.updatedAt.toISOString(),
      content: text.content,
    });
  },
});
