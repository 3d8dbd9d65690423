/** GET /api/v1/admin/domain_allows/:id — one allow; DELETE — remove it (`manage_federation`). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import {
  READ_DOMAIN_ALLOWS,
  requireStaffCaller,
  WRITE_DOMAIN_ALLOWS,
} from "../../../../../lib/mastodon/admin-api.ts";
import { renderAdminDomainAllow } from "../../../../../lib/mastodon/entities/admin-domain-block.ts";
import {
  deleteDomainAllow,
  getDomainAllow,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...READ_DOMAIN_ALLOWS,
    );
    return json(
      renderAdminDomainAllow(
        await getDomainAllow(deps.sql, actor, ctx.params.id),
      ),
    );
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...WRITE_DOMAIN_ALLOWS,
    );
    await deleteDomainAllow(deps.sql, actor, ctx.params.id);
    return json({});
  },
});
