import { HttpError } from "fresh";
import { define } from "../../../../utils.ts";
import {
  acceptNotificationRequests,
  dismissNotificationRequests,
} from "../../../../lib/domain/notification-requests.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";

/** `POST /notifications/requests/:id/accept` (or `/dismiss`), then back to the list. */
export const handler = define.handlers({
  async POST(ctx) {
    const verb = ctx.params.verb;
    if (verb !== "accept" && verb !== "dismiss") throw new HttpError(404);
    const { session } = await signedInForm(ctx);
    const act = verb === "accept"
      ? acceptNotificationRequests
      : dismissNotificationRequests;
    await act(ctx.state.deps.sql, session.account.id, [ctx.params.id], {
      one: true,
    });
    return ctx.redirect(`/notifications/requests?done=${verb}`, 303);
  },
});
