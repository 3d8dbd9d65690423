import { formError } from "../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../utils.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { FormErrors } from "../../components/FormErrors.tsx";
import { signedInForm } from "../../lib/web/actions.ts";
import { field } from "../../lib/web/forms.ts";
import { DomainError, forbidden } from "../../lib/domain/errors.ts";
import {
  can,
  MAX_NEW_ACCOUNT_DAYS,
  newAccountLimitDays,
  setNewAccountLimitDays,
} from "../../lib/moderation/mod.ts";
import { messages } from "../../lib/web/pages.ts";

interface Data {
  days: number;
  errors: string[];
  saved: boolean;
}

/**
 * /admin/spam_limits — the "new account limits" policy (`manage_settings`): mentions from
 * accounts younger than N days that nobody here follows go to notification requests.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    if (!can(moderator ?? null, "manage_settings")) throw forbidden();
    return page({
      days: await newAccountLimitDays(deps.sql),
      errors: [],
      saved: ctx.url.searchParams.has("saved"),
    });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const days = Number(field(form, "new_account_days") || "0");
    try {
      await setNewAccountLimitDays(deps.sql, moderator ?? null, days);
    } catch (error) {
      if (error instanceof DomainError && error.kind === "validation") {
        return page({
          days: await newAccountLimitDays(deps.sql),
          errors: [formError(messages(ctx), error)],
          saved: false,
        }, { status: 422 });
      }
      throw error;
    }
    return ctx.redirect("/admin/spam_limits?saved", 303);
  },
});

export default define.page<typeof handler>(function SpamLimits(
  { data, state },
) {
  const { admin, adminServer } = messages({ state });
  const t = adminServer.spamLimits;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.heading}</h1>
      <p>{t.intro}</p>
      <FormErrors errors={data.errors} />
      {data.saved && <p role="status">{t.saved}</p>}
      <form method="post" action="/admin/spam_limits" class="card">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.days}{" "}
          <input
            name="new_account_days"
            type="number"
            min={0}
            max={MAX_NEW_ACCOUNT_DAYS}
            value={data.days}
          />
        </label>
        <button type="submit">{admin.save}</button>
      </form>
    </>
  );
});
