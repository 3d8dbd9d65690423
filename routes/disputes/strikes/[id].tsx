import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { field } from "../../../lib/web/forms.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { type PageContext, signInFirst } from "../../../lib/web/pages.ts";
import {
  appeal,
  MAX_APPEAL_LENGTH,
  ownWarning,
} from "../../../lib/moderation/mod.ts";

/** What each action means to the user (Mastodon's strike page wording, in short). */
const MEANING: Record<string, string> = {
  none: "A moderator sent you a warning.",
  sensitive: "Your posts' media will be marked sensitive.",
  disable: "Your account's login was disabled.",
  silence: "Your account is limited: only your followers see your posts.",
  suspend: "Your account was suspended.",
};

interface Data {
  id: string;
  action: string;
  meaning: string;
  text: string;
  at: string;
  overruled: boolean;
  appeal: { text: string; state: string } | null;
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
    meaning: MEANING[warning.action] ?? warning.action,
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
      return page(await strike(ctx, [error.message]), { status: 422 });
    }
    return ctx.redirect(`/disputes/strikes/${ctx.params.id}`, 303);
  },
});

export default define.page<typeof handler>(function Strike({ data, state }) {
  return (
    <>
      <PageHead title="Account status" />
      <h1>Warning of {formatDateTime(data.at)}</h1>
      <section class="card">
        <p class="strike-meaning">{data.meaning}</p>
        {data.text && <blockquote class="strike-text">{data.text}</blockquote>}
        {data.overruled && <p>This decision was reversed.</p>}
      </section>
      {data.appeal
        ? (
          <section class="card">
            <h2>Your appeal</h2>
            <blockquote>{data.appeal.text}</blockquote>
            <p class="appeal-state">Appeal {data.appeal.state}</p>
          </section>
        )
        : (
          <form method="post" action={`/disputes/strikes/${data.id}`}>
            <FormErrors errors={data.errors} />
            <input type="hidden" name="_csrf" value={state.csrfToken} />
            <label for="appeal-text">Appeal this decision</label>
            <textarea
              id="appeal-text"
              name="text"
              required
              maxLength={MAX_APPEAL_LENGTH}
              rows={4}
            />
            <button type="submit">Submit appeal</button>
          </form>
        )}
    </>
  );
});
