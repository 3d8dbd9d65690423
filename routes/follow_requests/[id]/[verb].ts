import { HttpError } from "fresh";
import { define } from "../../../utils.ts";
import { findAccount } from "../../../lib/domain/profiles.ts";
import {
  authorizeFollowRequest,
  rejectFollowRequest,
} from "../../../lib/domain/relationships.ts";
import { signedInForm } from "../../../lib/web/actions.ts";

/** `POST /follow_requests/:accountId/authorize` (or `/reject`), then back to the list. */
export const handler = define.handlers({
  async POST(ctx) {
    const verb = ctx.params.verb;
    if (verb !== "authorize" && verb !== "reject") throw new HttpError(404);
    const { session } = await signedInForm(ctx);
    const { deps } = ctx.state;
    const requester = await findAccount(deps.sql, ctx.params.id);
    if (verb === "authorize") {
      await authorizeFollowRequest(deps, session.account, requester);
    } else {
      await rejectFollowRequest(deps, session.account, requester);
    }
    return ctx.redirect("/follow_requests", 303);
  },
});
