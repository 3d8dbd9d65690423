import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { getOwnStatus } from "../../../lib/domain/statuses.ts";
import { deleteStatus } from "../../../lib/domain/status-changes.ts";
import { findPoll } from "../../../lib/domain/polls.ts";
import { field } from "../../../lib/web/forms.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { messages, signInFirst, uiStatuses } from "../../../lib/web/pages.ts";
import type { UiStatus } from "../../../components/mastodon.ts";
import { StatusCard } from "../../../components/StatusCard.tsx";
import { PageHead } from "../../../components/PageHead.tsx";

interface Data {
  status: UiStatus;
}

const validId = (id: string) => /^\d{1,19}$/.test(id);

/**
 * `/@alice/123/delete`: asks first, then deletes the post. "Delete and redraft" opens the
 * compose page with the post's text, content warning, audience, reply and poll options filled in.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    if (!validId(ctx.params.id)) throw new HttpError(404);
    const row = await getOwnStatus(
      ctx.state.deps,
      session.account.id,
      ctx.params.id,
    );
    const [status] = await uiStatuses(ctx, [row]);
    return page({ status });
  },
  async POST(ctx) {
    if (!validId(ctx.params.id)) throw new HttpError(404);
    const { session, form } = await signedInForm(ctx);
    const { deps } = ctx.state;
    const row = await getOwnStatus(deps, session.account.id, ctx.params.id);
    const poll = row.poll_id ? await findPoll(deps.sql, row.poll_id) : null;
    await deleteStatus(deps, session.account.id, row.id);
    if (field(form, "redraft") !== "1") {
      return ctx.redirect(`/@${session.account.username}?deleted=1`, 303);
    }
    const draft = new URLSearchParams({
      text: row.text,
      spoiler_text: row.spoiler_text,
      visibility: row.visibility,
    });
    if (row.in_reply_to_id) draft.set("in_reply_to_id", row.in_reply_to_id);
    for (const option of poll?.options ?? []) {
      draft.append("poll_options", option);
    }
    if (poll?.multiple) draft.set("poll_multiple", "on");
    if (poll?.hide_totals) draft.set("poll_hide_totals", "on");
    return ctx.redirect(`/compose?${draft}`, 303);
  },
});

export default define.page<typeof handler>(function ConfirmDelete(ctx) {
  const { data, state } = ctx;
  const all = messages(ctx);
  const t = all.compose;
  const back = `/@${data.status.account.acct}/${data.status.id}`;
  return (
    <section class="card narrow confirm-card" aria-labelledby="confirm-title">
      <PageHead title={t.deleteTitle} />
      <h1 id="confirm-title">{t.deleteQuestion}</h1>
      <StatusCard
        status={data.status}
        context={{
          signedIn: false,
          csrf: state.csrfToken,
          returnTo: back,
          labels: all.status,
          locale: state.locale,
          poll: all.poll,
        }}
      />
      <p>{t.deleteExplained}</p>
      <form method="post" class="actions">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <button type="submit" class="danger">{t.delete}</button>
        <button type="submit" name="redraft" value="1" class="secondary">
          {t.deleteAndRedraft}
        </button>
        <a class="button secondary" href={back}>{t.cancel}</a>
      </form>
    </section>
  );
});
