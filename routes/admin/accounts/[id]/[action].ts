/**
 * POST /admin/accounts/:id/{approve,reject,unsuspend,unsilence,unsensitive,enable,delete} —
 * the account page's buttons, without JavaScript: CSRF-checked form, the action, back.
 */
import { HttpError } from "fresh";
import { define } from "../../../../utils.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  type ActionDeps,
  type Actor,
  approveSignUp,
  deleteAccountData,
  liftLimit,
  rejectSignUp,
} from "../../../../lib/moderation/mod.ts";

type Act = (deps: ActionDeps, actor: Actor | null, id: string) => Promise<void>;

const ACTIONS: Record<string, { act: Act; gone?: boolean }> = {
  approve: { act: approveSignUp },
  reject: { act: rejectSignUp, gone: true },
  delete: { act: deleteAccountData, gone: true },
  unsuspend: { act: (d, a, id) => liftLimit(d, a, id, "unsuspend") },
  unsilence: { act: (d, a, id) => liftLimit(d, a, id, "unsilence") },
  unsensitive: { act: (d, a, id) => liftLimit(d, a, id, "unsensitive") },
  enable: { act: (d, a, id) => liftLimit(d, a, id, "enable") },
};

export const handler = define.handlers({
  async POST(ctx) {
    if (!Object.hasOwn(ACTIONS, ctx.params.action)) throw new HttpError(404);
    const { act, gone } = ACTIONS[ctx.params.action];
    await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await act(deps, moderator ?? null, ctx.params.id);
    // Rejected or deleted: the account page is gone, so back to the list.
    return ctx.redirect(
      gone ? "/admin/accounts" : `/admin/accounts/${ctx.params.id}`,
      303,
    );
  },
});
