import { define } from "../../../../utils.ts";
import { ConfirmAction } from "../../../../components/ConfirmAction.tsx";
import {
  confirmedActionRoute,
  type ConfirmPageData,
} from "../../../../lib/web/confirm-route.ts";
import { messages } from "../../../../lib/web/pages.ts";
import {
  deleteEmailDomainBlock,
  getEmailDomainBlock,
} from "../../../../lib/moderation/mod.ts";

/** /admin/email_domain_blocks/:id/delete — asks first (GET), then lifts the block (POST). */
export const handler = define.handlers<ConfirmPageData>(confirmedActionRoute({
  async ask(ctx) {
    const { deps, moderator } = ctx.state;
    const block = await getEmailDomainBlock(
      deps.sql,
      moderator ?? null,
      ctx.params.id,
    );
    const t = messages(ctx).admin.confirm;
    return {
      title: t.unblockDomain(block.domain),
      detail: t.emailDomainDetail(block.domain),
      button: t.unblockButton(block.domain),
      cancel: "/admin/email_domain_blocks",
    };
  },
  act: (ctx) =>
    deleteEmailDomainBlock(
      ctx.state.deps.sql,
      ctx.state.moderator ?? null,
      ctx.params.id,
    ),
  back: "/admin/email_domain_blocks",
}));

export default define.page<typeof handler>(({ data, state, url }) => (
  <ConfirmAction
    {...data}
    action={url.pathname}
    csrf={state.csrfToken}
    labels={messages({ state }).admin}
  />
));
