import { formError } from "../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import {
  createDomainAllow,
  type DomainAllowRow,
  listDomainAllows,
} from "../../../lib/moderation/mod.ts";
import { messages } from "../../../lib/web/pages.ts";

interface Data {
  allows: DomainAllowRow[];
  limited: boolean;
  error: string | null;
}

/**
 * /admin/domain_allows — the allowlist (`manage_federation`): the only domains that federate
 * when `LIMITED_FEDERATION=true`. POST adds one.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page({
      allows: await listDomainAllows(deps.sql, moderator ?? null),
      limited: deps.config.limitedFederation ?? false,
      error: null,
    });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    try {
      await createDomainAllow(
        deps.sql,
        moderator ?? null,
        String(form.get("domain") ?? ""),
      );
    } catch (error) {
      if (error instanceof DomainError && error.kind === "validation") {
        return page({
          allows: await listDomainAllows(deps.sql, moderator ?? null),
          limited: deps.config.limitedFederation ?? false,
          error: formError(messages(ctx), error),
        }, { status: 422 });
      }
      throw error;
    }
    return ctx.redirect("/admin/domain_allows", 303);
  },
});

export default define.page<typeof handler>(function Allows({ data, state }) {
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.allows;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <p>{data.limited ? t.on : t.off}</p>
      {data.error && <p class="error" role="alert">{data.error}</p>}
      <form method="post" action="/admin/domain_allows" class="card">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.domain} <input name="domain" required />
        </label>
        <button type="submit">{t.allow}</button>
      </form>
      <ul class="domain-allows">
        {data.allows.map((allow) => (
          <li>
            {allow.domain}{" "}
            <form
              method="post"
              action={`/admin/domain_allows/${allow.id}/delete`}
              class="inline"
            >
              <input type="hidden" name="_csrf" value={state.csrfToken} />
              <button type="submit" class="small">
                {t.remove(allow.domain)}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
});
