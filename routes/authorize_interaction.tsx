import { page } from "fresh";
import { define } from "../utils.ts";
import { getVisibleStatus } from "../lib/domain/statuses.ts";
import { findAccount } from "../lib/domain/profiles.ts";
import { accountPath } from "../lib/web/interaction.ts";
import { messages, signInFirst } from "../lib/web/pages.ts";
import { PageHead } from "../components/PageHead.tsx";

interface Data {
  uri: string;
}

/**
 * `/authorize_interaction?uri=…` (Mastodon's, named in our WebFinger's `subscribe` and FEP-3b86
 * templates): a post or account seen on another server, looked up there and shown here with
 * what can be done with it — the post in its thread (reply, boost, favourite), the profile
 * (follow). Signed-in users only; others sign in first and come back.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const { deps } = ctx.state;
    const uri = (ctx.url.searchParams.get("uri") ?? "").trim()
      .replace(/^acct:/, "").slice(0, 2000);
    const found = uri ? await deps.resolveRemote(uri).catch(() => null) : null;
    if (found?.status) {
      const status = await getVisibleStatus(
        deps,
        session.account.id,
        found.status.id,
      );
      const author = await findAccount(deps.sql, status.account_id);
      return ctx.redirect(`${accountPath(author)}/${status.id}`, 303);
    }
    if (found?.account) return ctx.redirect(accountPath(found.account), 303);
    return page({ uri }, { status: 404 });
  },
});

export default define.page<typeof handler>(function AuthorizeInteraction(
  { data, state },
) {
  const t = messages({ state }).interact;
  return (
    <section class="card">
      <PageHead title={t.notFoundTitle} />
      <h1>{t.nothingFound}</h1>
      <p>
        {t.couldNotFind} <code class="break">{data.uri || t.noAddress}</code>.
        {" "}
        {t.mayBeDeleted}
      </p>
    </section>
  );
});
