/**
 * GET /api/v1/instance/domain_blocks — the instance's domain blocks as Mastodon publishes them
 * (DomainBlock: obfuscated domains partly hidden, `comment` from the public comment), to whom
 * the admins' setting (default `SHOW_DOMAIN_BLOCKS`) says: nobody (404, the default), signed-in `users` (401 otherwise), `all`.
 */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { ApiError } from "../../../../lib/mastodon/errors.ts";
import { authenticateRequest } from "../../../../lib/mastodon/auth.ts";
import { renderPublicDomainBlock } from "../../../../lib/mastodon/entities/admin-domain-block.ts";
import { publicDomainBlocks } from "../../../../lib/moderation/mod.ts";
import { instanceSettings } from "../../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const shown = (await instanceSettings(deps)).showDomainBlocks;
    if (shown === "disabled") throw new ApiError(404, "Record not found");
    if (shown === "users" && !await authenticateRequest(deps, ctx.req)) {
      throw new ApiError(401, "The access token is invalid");
    }
    const blocks = await publicDomainBlocks(deps.sql);
    return json(await Promise.all(blocks.map(renderPublicDomainBlock)));
  },
});
