import { define } from "../../../../utils.ts";
import { ConfirmAction } from "../../../../components/ConfirmAction.tsx";
import {
  confirmedActionRoute,
  type ConfirmPageData,
} from "../../../../lib/web/confirm-route.ts";
import { messages } from "../../../../lib/web/pages.ts";
import { deleteIpBlock, getIpBlock } from "../../../../lib/moderation/mod.ts";

/** /admin/ip_blocks/:id/delete — asks first (GET), then removes the rule (POST). */
export const handler = define.handlers<ConfirmPageData>(confirmedActionRoute({
  async ask(ctx) {
    const { deps, moderator } = ctx.state;
    const block = await getIpBlock(deps.sql, moderator ?? null, ctx.params.id);
    const t = messages(ctx).admin.confirm;
    return {
      title: t.ipTitle(block.ip),
      detail: t.ipDetail(block.ip),
      button: t.ipButton(block.ip),
      cancel: "/admin/ip_blocks",
    };
  },
  act: (ctx) =>
    deleteIpBlock(
      ctx.state.deps.sql,
      ctx.state.moderator ?? null,
      ctx.params.id,
    ),
  back: "/admin/ip_blocks",
}));

export default define.page<typeof handler>(({ data, state, url }) => (
  <ConfirmAction
    {...data}
    action={url.pathname}
    csrf={state.csrfToken}
    labels={messages({ state }).admin}
  />
));
