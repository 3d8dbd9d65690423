/** GET /api/v1/preferences — posting defaults (set through update_credentials `source[…]`). */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { caller } from "../../../lib/mastodon/account-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { user } = await caller(ctx.state.deps, ctx.req, "read:accounts");
    return json({
      "posting:default:visibility": user.default_privacy,
      "posting:default:sensitive": user.default_sensitive,
      "posting:default:language": user.default_language,
      "reading:expand:media": "default",
      "reading:expand:spoilers": false,
    });
  },
});
