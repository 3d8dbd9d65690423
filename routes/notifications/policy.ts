import { define } from "../../utils.ts";
import {
  changeNotificationPolicy,
  POLICY_FIELDS,
  type PolicyField,
} from "../../lib/domain/notification-policy.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";

/** `POST /notifications/policy`: the policy form on the filtered notifications page. */
export const handler = define.handlers({
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const input: Partial<Record<PolicyField, string>> = {};
    for (const name of POLICY_FIELDS) input[name] = field(form, name);
    await changeNotificationPolicy(
      ctx.state.deps.sql,
      session.account.id,
      input,
    );
    return ctx.redirect("/notifications/requests?done=policy", 303);
  },
});
