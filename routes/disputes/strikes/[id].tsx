import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { field } from "../../../lib/web/forms.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import {
  messages,
  type PageContext,
  signInFirst,
} from "../../../lib/web/pages.ts";
import { formError } from "../../../lib/web/form-errors.ts";
import { fill } from "../../../lib/i18n/fill.ts";
import {
  appeal,
  MAX_APPEAL_LENGTH,
  ownWarning,
} from "../../../lib/moderation/mod.ts";

interface Data {
  id: string;
  action: string;
  text: string;
  at: string;
  overruled: boolean;
  appeal: { text: string; state: "pending" | "approved" | "rejected" } | null;
  errors: string[];
}

async function strike(ctx: PageContext, errors: string[] = []): Promise<Data> {
  const session = ctx.state.session!;
  const { warning, appeal } = await ownWarning(
    ctx.state.deps.sql,
    session.account.id,
    ctx.params.id,
  );
  return {
    id: warning.id,
    action: warning.action,
    text: warning.text,
    at: warning.created_at.toISOString(),
    overruled: warning.overruled_at !== null,
    appeal: appeal && {
      text: appeal.text,
      state: appeal.approved_at
        ? "approved"
        : appeal.rejected_at
        ? "rejected"
        : "pending",
    },
    errors,
  };
}

/**
 * /disputes/strikes/:id — one of the user's warnings (someone else's is a 404), and the form
 * to appeal it, once (POST).
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page(await strike(ctx));
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    try {
      await appeal(
        ctx.state.deps,
        session.account.id,
        ctx.params.id,
        field(form, "text"),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page(await strike(ctx, [formError(messages(ctx), error)]), {
        status: 422,
      });
    }
    return ctx.redirect(`/disputes/strikes/${ctx.params.id}`, 303);
  },
});

export default define.page<typeof handler>(function Strike({ data, state }) {
  const t = messages({ state }).settings.strikes;
  return (
    <>
      <PageHead title={t.title} />
      <h1>
        {fill(t.heading, {
          date: formatDateTime(data.at, state.locale ?? "en"),
        })}
      </h1>
      <section class="card">
        <p class="strike-meaning">{t.meanings[data.action] ?? data.action}</p>
        {data.text && <blockquote class="strike-text">{data.text}</blockquote>}
        {data.overruled && <p>{t.reversed}</p>}
      </section>
      {data.appeal
        ? (
          <section class="card">
            <h2>{t.yourAppeal}</h2>
            <blockquote>{data.appeal.text}</blockquote>
            <p class="appeal-state">{t.appealStates[data.appeal.state]}</p>
          </section>
        )
        : (
          <form method="post" action={`/disputes/strikes/${data.id}`}>
            <FormErrors errors={data.errors} />
            <input type="hidden" name="_csrf" value={state.csrfToken} />
            <label for="appeal-text">{t.appeal}</label>
            <textarea
              id="appeal-text"
              name="text"
              required
              maxLength={MAX_APPEAL_LENGTH}
              rows={4}
            />
            <button type="submit">{t.submit}</button>
          </form>
        )}
    </>
  );
});
