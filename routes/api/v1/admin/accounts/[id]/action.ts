/**
 * POST /api/v1/admin/accounts/:id/action — take an action against the account (Mastodon's
 * Admin::AccountAction): `type` none, sensitive, disable, silence or suspend, with `report_id`
 * (resolved by it), `warning_preset_id`, `text`, `send_email_notification`; and Starling's
 * `block_email` with `suspend` (a canonical e-mail block on the user's address). Answers `{}`.
 */
import { define } from "../../../../../../utils.ts";
import { json } from "../../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../../lib/mastodon/params.ts";
import {
  requireStaffCaller,
  WRITE_ACCOUNTS,
} from "../../../../../../lib/mastodon/admin-api.ts";
import {
  type AccountActionType,
  takeAccountAction,
} from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_ACCOUNTS);
    const params = await Params.from(ctx.req, ctx.url);
    await takeAccountAction(deps, actor, ctx.params.id, {
      type: (params.string("type") ?? "none") as AccountActionType,
      text: params.string("text"),
      reportId: params.string("report_id") || undefined,
      warningPresetId: params.string("warning_preset_id") || undefined,
      sendEmail: params.boolean("send_email_notification") ?? true,
      blockEmail: params.boolean("block_email") ?? false,
    });
    return json({});
  },
});
