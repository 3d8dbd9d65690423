import { define } from "../../../../utils.ts";
import { ConfirmAction } from "../../../../components/ConfirmAction.tsx";
import {
  confirmedActionRoute,
  type ConfirmPageData,
} from "../../../../lib/web/confirm-route.ts";
import { deleteEmoji, getEmoji } from "../../../../lib/emoji/mod.ts";

/** /admin/custom_emojis/:id/delete — asks first (GET), then deletes the emoji (POST). */
export const handler = define.handlers<ConfirmPageData>(confirmedActionRoute({
  async ask(ctx) {
    const { deps, moderator } = ctx.state;
    const emoji = await getEmoji(deps.sql, moderator ?? null, ctx.params.id);
    const name = emoji.domain
      ? `:${emoji.shortcode}: from ${emoji.domain}`
      : `:${emoji.shortcode}:`;
    return {
      title: `Delete ${name}?`,
      detail:
        `Posts and profiles that use it show the shortcode as text from now on.`,
      button: `Delete ${name}`,
      cancel: `/admin/custom_emojis/${emoji.id}`,
    };
  },
  act: (ctx) =>
    deleteEmoji(ctx.state.deps, ctx.state.moderator ?? null, ctx.params.id),
  back: "/admin/custom_emojis",
}));

export default define.page<typeof handler>(({ data, state, url }) => (
  <ConfirmAction {...data} action={url.pathname} csrf={state.csrfToken} />
));
