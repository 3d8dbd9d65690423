import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import { messages, type PageContext } from "../../../lib/web/pages.ts";
import { field } from "../../../lib/web/forms.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { lookupAccount } from "../../../lib/domain/profiles.ts";
import {
  featuredAccounts,
  setFeatured,
} from "../../../lib/domain/suggestions.ts";

interface Data {
  accounts: { id: string; handle: string }[];
  error: string | null;
}

async function load(
  state: PageContext["state"],
  error: string | null,
): Promise<Data> {
  const rows = await featuredAccounts(state.deps.sql, state.moderator ?? null);
  return {
    accounts: rows.map((a) => ({
      id: a.id,
      handle: `@${a.username}${a.domain ? `@${a.domain}` : ""}`,
    })),
    error,
  };
}

/**
 * /admin/follow_recommendations — accounts suggested to everyone (the `featured` source of
 * /api/v2/suggestions), `manage_taxonomies`. POST adds one by its handle (`add`) or removes
 * one by id (`remove`).
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    return page(await load(ctx.state, null));
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    try {
      const remove = field(form, "remove");
      const id = remove || (await lookupAccount(
        deps.sql,
        field(form, "add"),
        new URL(deps.config.origin).host,
      )).id;
      await setFeatured(deps.sql, moderator ?? null, id, !remove);
    } catch (error) {
      if (error instanceof DomainError && error.kind === "not_found") {
        const noSuchAccount =
          messages(ctx).adminServer.recommendations.noSuchAccount;
        return page(await load(ctx.state, noSuchAccount), {
          status: 422,
        });
      }
      throw error;
    }
    return ctx.redirect("/admin/follow_recommendations", 303);
  },
});

export default define.page<typeof handler>(
  function Recommendations({ data, state }) {
    const { admin, adminServer } = messages({ state });
    const t = adminServer.recommendations;
    return (
      <>
        <PageHead title={`${admin.moderation} · ${t.title}`} />
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        {data.error && <p class="error" role="alert">{data.error}</p>}
        <form method="post" action="/admin/follow_recommendations" class="card">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <label>
            {t.account}{" "}
            <input name="add" required placeholder={t.placeholder} />
          </label>
          <button type="submit">{t.recommend}</button>
        </form>
        {data.accounts.length === 0 && <p class="empty">{t.empty}</p>}
        <ul class="stack featured-accounts">
          {data.accounts.map((a) => (
            <li key={a.id}>
              <a href={`/admin/accounts/${a.id}`}>{a.handle}</a>{" "}
              <form
                method="post"
                action="/admin/follow_recommendations"
                class="inline"
              >
                <input type="hidden" name="_csrf" value={state.csrfToken} />
                <input type="hidden" name="remove" value={a.id} />
                <button type="submit" class="small">{t.stop}</button>
              </form>
            </li>
          ))}
        </ul>
      </>
    );
  },
);
