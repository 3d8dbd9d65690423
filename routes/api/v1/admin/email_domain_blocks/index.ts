/**
 * GET /api/v1/admin/email_domain_blocks — the e-mail domains refused at sign-up
 * (`manage_blocks`); POST — block `domain` (and its subdomains). Admin::EmailDomainBlock.
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  linkHeader,
  pageQuery,
} from "../../../../../lib/mastodon/pagination.ts";
import {
  emailDomainBlocksJson,
  READ_EMAIL_DOMAIN_BLOCKS,
  requireStaffCaller,
  WRITE_EMAIL_DOMAIN_BLOCKS,
} from "../../../../../lib/mastodon/admin-api.ts";
import {
  createEmailDomainBlock,
  listEmailDomainBlocks,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...READ_EMAIL_DOMAIN_BLOCKS,
    );
    const blocks = await listEmailDomainBlocks(
      deps.sql,
      actor,
      pageQuery(ctx.url, { limit: 100, max: 200 }),
    );
    const link = linkHeader(deps.config.origin, ctx.url, blocks, (b) => b.id);
    return json(await emailDomainBlocksJson(deps, blocks), {
      headers: link ? { link } : {},
    });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(
      deps,
      ctx.req,
      ...WRITE_EMAIL_DOMAIN_BLOCKS,
    );
    const params = await Params.from(ctx.req, ctx.url);
    const block = await createEmailDomainBlock(
      deps.sql,
      actor,
      params.string("domain") ?? "",
    );
    return json((await emailDomainBlocksJson(deps, [block]))[0]);
  },
});
