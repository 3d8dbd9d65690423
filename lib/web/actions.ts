/** The shared steps of the no-JavaScript action forms: signed in, CSRF checked, then back. */
import { HttpError } from "fresh";
import type { PageContext } from "./pages.ts";
import { field, readVerifiedForm } from "./forms.ts";
import type { WebSession } from "../domain/sessions.ts";
import type { AccountRow } from "../db/accounts.ts";
import { lookupAccount } from "../domain/profiles.ts";

/** Reads a verified form of a signed-in user, or throws the page error for it. */
export async function signedInForm(
  ctx: PageContext,
): Promise<{ session: WebSession; form: FormData }> {
  const session = ctx.state.session;
  if (!session) throw new HttpError(401, "Please sign in first.");
  const form = await readVerifiedForm(ctx.req, ctx.state.deps);
  if (!form) {
    throw new HttpError(
      403,
      "Your form expired or came from another site. Please try again.",
    );
  }
  return { session, form };
}

/** Back to the page the form was on (same-site paths only). */
export function backTo(ctx: PageContext, form: FormData, fallback: string) {
  const target = field(form, "return_to");
  const safe = target.startsWith("/") && !target.startsWith("//") &&
      !target.startsWith("/\\")
    ? target
    : fallback;
  return ctx.redirect(safe, 303);
}

/** `POST /@bob/<action>` without JavaScript: look the account up, act, go back. */
export function accountActionHandler(
  act: (
    deps: PageContext["state"]["deps"],
    viewer: WebSession["account"],
    target: AccountRow,
  ) => Promise<unknown>,
) {
  return async (ctx: PageContext) => {
    const { deps } = ctx.state;
    const { session, form } = await signedInForm(ctx);
    const target = await lookupAccount(
      deps.sql,
      ctx.params.username,
      deps.config.host,
    );
    await act(deps, session.account, target);
    return backTo(ctx, form, `/@${ctx.params.username}`);
  };
}
