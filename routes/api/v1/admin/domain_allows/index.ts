/**
 * GET /api/v1/admin/domain_allows — the allowlist (`manage_federation`); POST — allow `domain`
 * (it federates in allowlist mode, `LIMITED_FEDERATION=true`).
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  READ_DOMAIN_ALLOWS,
  requireStaffCaller,
  WRITE_DOMAIN_ALLOWS,
} from "../../../../../lib/mastodon/admin-api.ts";
import { renderAdminDomainAllow } from "../../../../../lib/mastodon/entities/admin-domain-block.ts";
import {
  createDomainAllow,
  listDomainAllows,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...READ_DOMAIN_ALLOWS,
    );
    const allows = await listDomainAllows(deps.sql, actor);
    return json(allows.map(renderAdminDomainAllow));
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...WRITE_DOMAIN_ALLOWS,
    );
    const params = await Params.from(ctx.req, ctx.url);
    const allow = await createDomainAllow(
      deps.sql,
      actor,
      params.string("domain") ?? "",
    );
    return json(renderAdminDomainAllow(allow));
  },
});
