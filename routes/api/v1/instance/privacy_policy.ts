/** GET /api/v1/instance/privacy_policy — a short default policy until admins can write one. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";

const UPDATED_AT = "2025-01-01T00:00:00.000Z";

export const handler = define.handlers({
  GET(ctx) {
    // The host comes from the parsed ORIGIN: no characters that need escaping.
    const host = ctx.state.deps.config.host;
    return json({
      updated_at: UPDATED_AT,
      content:
        `<p>${host} stores what you give it to run your account: your e-mail address, ` +
        `password hash, profile, posts, media and follows. Public posts and profiles are ` +
        `shared with other servers in the fediverse; followers-only and direct posts go only ` +
        `to their audience's servers. Server operators can read everything stored here.</p>`,
    });
  },
});
