import { define } from "../../../../utils.ts";
import { ConfirmAction } from "../../../../components/ConfirmAction.tsx";
import {
  confirmedActionRoute,
  type ConfirmPageData,
} from "../../../../lib/web/confirm-route.ts";
import { messages } from "../../../../lib/web/pages.ts";
import {
  deleteCanonicalEmailBlock,
  getCanonicalEmailBlock,
} from "../../../../lib/moderation/mod.ts";

/** /admin/canonical_email_blocks/:id/delete — asks first (GET), then lifts the block (POST). */
export const handler = define.handlers<ConfirmPageData>(confirmedActionRoute({
  async ask(ctx) {
    const { deps, moderator } = ctx.state;
    const block = await getCanonicalEmailBlock(
      deps.sql,
      moderator ?? null,
      ctx.params.id,
    );
    const short = block.canonical_email_hash.slice(0, 12);
    const t = messages(ctx).admin.confirm;
    return {
      title: t.addressTitle(short),
      detail: t.addressDetail,
      button: t.addressButton,
      cancel: "/admin/canonical_email_blocks",
    };
  },
  act: (ctx) =>
    deleteCanonicalEmailBlock(
      ctx.state.deps.sql,
      ctx.state.moderator ?? null,
      ctx.params.id,
    ),
  back: "/admin/canonical_email_blocks",
}));

export default define.page<typeof handler>(({ data, state, url }) => (
  <ConfirmAction
    {...data}
    action={url.pathname}
    csrf={state.csrfToken}
    labels={messages({ state }).admin}
  />
));
