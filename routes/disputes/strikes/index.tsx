import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { messages, signInFirst } from "../../../lib/web/pages.ts";
import { warningsOfAccount } from "../../../lib/moderation/mod.ts";

interface Data {
  /** Signed in while suspended: this page (and appeals) is all the session reaches. */
  suspended: boolean;
  strikes: { id: string; action: string; at: string }[];
}

/** /disputes/strikes — the signed-in user's warnings from moderators (Mastodon's path). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const rows = await warningsOfAccount(
      ctx.state.deps.sql,
      session.account.id,
    );
    return page({
      suspended: session.account.suspended_at !== null,
      strikes: rows.map((w) => ({
        id: w.id,
        action: w.action,
        at: w.created_at.toISOString(),
      })),
    });
  },
});

export default define.page<typeof handler>(function Strikes({ data, state }) {
  const t = messages({ state }).settings.strikes;
  return (
    <>
      <PageHead title={t.title} />
      <h1>{t.title}</h1>
      {data.suspended && <p class="notice" role="status">{t.suspended}</p>}
      {data.suspended && (
        <form method="post" action="/auth/sign_out">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <button type="submit">{t.signOut}</button>
        </form>
      )}
      {data.strikes.length === 0 && <p class="empty">{t.goodStanding}</p>}
      <ul class="stack strikes">
        {data.strikes.map((s) => (
          <li key={s.id} class="card">
            <a href={`/disputes/strikes/${s.id}`}>
              {formatDateTime(s.at, state.locale ?? "en")} ·{" "}
              {t.actions[s.action] ?? s.action}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
});
