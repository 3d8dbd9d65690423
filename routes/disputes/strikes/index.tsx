import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { signInFirst } from "../../../lib/web/pages.ts";
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
  return (
    <>
      <PageHead title="Account status" />
      <h1>Account status</h1>
      {data.suspended && (
        <p class="notice" role="status">
          Your account is suspended. Below is the moderators' decision; you can
          appeal it once. Nothing else of your account is reachable until the
          suspension is lifted.
        </p>
      )}
      {data.suspended && (
        <form method="post" action="/auth/sign_out">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <button type="submit">Sign out</button>
        </form>
      )}
      {data.strikes.length === 0 && (
        <p class="empty">Your account is in good standing.</p>
      )}
      <ul class="stack strikes">
        {data.strikes.map((s) => (
          <li key={s.id} class="card">
            <a href={`/disputes/strikes/${s.id}`}>
              {formatDateTime(s.at)} · {s.action}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
});
