import { define } from "../../../../utils.ts";
import { ConfirmAction } from "../../../../components/ConfirmAction.tsx";
import {
  confirmedActionRoute,
  type ConfirmPageData,
} from "../../../../lib/web/confirm-route.ts";
import { messages } from "../../../../lib/web/pages.ts";
import { expireInvite, getInvite } from "../../../../lib/moderation/mod.ts";

/** /admin/invites/:id/expire — asks first (GET), then ends the invite link (POST). */
export const handler = define.handlers<ConfirmPageData>(confirmedActionRoute({
  async ask(ctx) {
    const { deps, moderator } = ctx.state;
    const invite = await getInvite(deps.sql, moderator ?? null, ctx.params.id);
    const t = messages(ctx).admin.confirm;
    return {
      title: t.inviteTitle(invite.inviter_username, invite.code),
      detail: t.inviteDetail,
      button: t.inviteButton,
      cancel: "/admin/invites",
    };
  },
  act: (ctx) =>
    expireInvite(
      ctx.state.deps.sql,
      ctx.state.moderator ?? null,
      ctx.state.session!.user.id,
      ctx.params.id,
    ),
  back: "/admin/invites",
}));

export default define.page<typeof handler>(({ data, state, url }) => (
  <ConfirmAction
    {...data}
    action={url.pathname}
    csrf={state.csrfToken}
    labels={messages({ state }).admin}
  />
));
