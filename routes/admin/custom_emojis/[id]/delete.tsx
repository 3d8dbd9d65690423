import { define } from "../../../../utils.ts";
import { ConfirmAction } from "../../../../components/ConfirmAction.tsx";
import {
  confirmedActionRoute,
  type ConfirmPageData,
} from "../../../../lib/web/confirm-route.ts";
import { messages } from "../../../../lib/web/pages.ts";
import { deleteEmoji, getEmoji } from "../../../../lib/emoji/mod.ts";

/** /admin/custom_emojis/:id/delete — asks first (GET), then deletes the emoji (POST). */
export const handler = define.handlers<ConfirmPageData>(confirmedActionRoute({
  async ask(ctx) {
    const { deps, moderator } = ctx.state;
    const emoji = await getEmoji(deps.sql, moderator ?? null, ctx.params.id);
    const t = messages(ctx).admin.confirm;
    const name = t.emojiName(emoji.shortcode, emoji.domain);
    return {
      title: t.emojiTitle(name),
      detail: t.emojiDetail,
      button: t.emojiButton(name),
      cancel: `/admin/custom_emojis/${emoji.id}`,
    };
  },
  act: (ctx) =>
    deleteEmoji(ctx.state.deps, ctx.state.moderator ?? null, ctx.params.id),
  back: "/admin/custom_emojis",
}));

export default define.page<typeof handler>(({ data, state, url }) => (
  <ConfirmAction
    {...data}
    action={url.pathname}
    csrf={state.csrfToken}
    labels={messages({ state }).admin}
  />
));
