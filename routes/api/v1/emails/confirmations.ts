/**
 * POST /api/v1/emails/confirmations — mails a new confirmation link to the caller's address,
 * or first to `email` (an unconfirmed user correcting it), as Mastodon. A confirmed user gets
 * 403. Answers `{}`.
 */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { resendConfirmation } from "../../../../lib/mail/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req);
    const params = await Params.from(ctx.req, ctx.url);
    await resendConfirmation(deps, me.user.id, params.string("email"));
    return json({});
  },
});
