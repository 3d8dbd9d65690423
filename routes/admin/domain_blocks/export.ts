/** GET /admin/domain_blocks/export — every block as Mastodon's CSV (a download). */
import { define } from "../../../utils.ts";
import { exportDomainBlocks } from "../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const csv = await exportDomainBlocks(deps.sql, moderator ?? null);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="domain_blocks.csv"',
      },
    });
  },
});
