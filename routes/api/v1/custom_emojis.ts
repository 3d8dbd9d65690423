/** GET /api/v1/custom_emojis — the server's enabled local emoji (no token needed). */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { localEmojis } from "../../../lib/emoji/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    return json(await localEmojis(deps.sql, (key) => deps.media.url(key)));
  },
});
