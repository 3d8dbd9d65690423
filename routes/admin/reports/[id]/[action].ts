/**
 * POST /admin/reports/:id/{assign_to_self,unassign,resolve,reopen} — the report page's
 * buttons, without JavaScript: CSRF-checked form, the action, back to the report.
 */
import { HttpError } from "fresh";
import { define } from "../../../../utils.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  assignToSelf,
  reopen,
  resolve,
  unassign,
} from "../../../../lib/moderation/mod.ts";

const ACTIONS = {
  assign_to_self: assignToSelf,
  unassign,
  resolve,
  reopen,
};

export const handler = define.handlers({
  async POST(ctx) {
    if (!Object.hasOwn(ACTIONS, ctx.params.action)) throw new HttpError(404);
    const act = ACTIONS[ctx.params.action as keyof typeof ACTIONS];
    await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await act(deps.sql, moderator ?? null, ctx.params.id);
    return ctx.redirect(`/admin/reports/${ctx.params.id}`, 303);
  },
});
