import { HttpError } from "fresh";
import { define } from "../../../utils.ts";
import {
  bookmarkStatus,
  favouriteStatus,
  muteConversation,
  pinStatus,
  reblogStatus,
  unbookmarkStatus,
  unfavouriteStatus,
  unmuteConversation,
  unpinStatus,
  unreblogStatus,
} from "../../../lib/domain/interactions.ts";
import { backTo, signedInForm } from "../../../lib/web/actions.ts";

type Deps = Parameters<typeof favouriteStatus>[0];
type Act = (deps: Deps, actorId: string, statusId: string) => Promise<unknown>;

const ACTIONS: Record<string, Act> = {
  favourite: favouriteStatus,
  unfavourite: unfavouriteStatus,
  reblog: (deps, actorId, id) =>
    reblogStatus(deps, { id: actorId, local: true }, id),
  unreblog: unreblogStatus,
  bookmark: bookmarkStatus,
  unbookmark: unbookmarkStatus,
  pin: pinStatus,
  unpin: unpinStatus,
  mute: muteConversation,
  unmute: unmuteConversation,
};

/**
 * The no-JavaScript forms of the action bar and the post menu: `POST /@alice/123/favourite` (and
 * unfavourite, reblog, unreblog, bookmark, unbookmark, pin, unpin, mute and unmute the
 * conversation), then back to the page.
 */
export const handler = define.handlers({
  async POST(ctx) {
    const action = Object.hasOwn(ACTIONS, ctx.params.action)
      ? ACTIONS[ctx.params.action]
      : undefined;
    if (!action || !/^\d{1,19}$/.test(ctx.params.id)) {
      throw new HttpError(404);
    }
    const { session, form } = await signedInForm(ctx);
    await action(ctx.state.deps, session.account.id, ctx.params.id);
    return backTo(ctx, form, `/@${ctx.params.username}/${ctx.params.id}`);
  },
});
