/**
 * Destructive admin actions without JavaScript: GET asks (the ConfirmAction page), POST (CSRF
 * checked) acts and goes back to the list. Each route file says what it loads and what it does.
 */
import { page } from "fresh";
import type { PageContext } from "./pages.ts";
import { signedInForm } from "./actions.ts";
import type { ConfirmActionProps } from "../../components/ConfirmAction.tsx";

export type ConfirmPageData = Omit<
  ConfirmActionProps,
  "csrf" | "action" | "labels"
>;

export function confirmedActionRoute(options: {
  /** Loads the target (404/403 thrown by the rules) and words the question. */
  ask(ctx: PageContext): Promise<ConfirmPageData>;
  act(ctx: PageContext): Promise<unknown>;
  /** Where to go afterwards. */
  back: string;
}) {
  return {
    async GET(ctx: PageContext) {
      return page(await options.ask(ctx));
    },
    async POST(ctx: PageContext) {
      await signedInForm(ctx);
      await options.act(ctx);
      return ctx.redirect(options.back, 303);
    },
  };
}
