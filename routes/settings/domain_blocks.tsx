import { page } from "fresh";
import { define } from "../../utils.ts";
import {
  blockDomain,
  listDomainBlocks,
  unblockDomain,
} from "../../lib/domain/domain-blocks.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import {
  messages,
  newerLink,
  olderLink,
  type PageContext,
  signInFirst,
  webPage,
} from "../../lib/web/pages.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { formError } from "../../lib/web/form-errors.ts";
import { PostButton } from "../../components/PostButton.tsx";
import { Pagination } from "../../components/Timeline.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";

const HERE = "/settings/domain_blocks";

interface Data {
  domains: string[];
  older: string | null;
  newer: string | null;
  errors: string[];
  typed: string;
}

async function load(ctx: PageContext, errors: string[] = [], typed = "") {
  const query = webPage(ctx.url);
  const rows = await listDomainBlocks(
    ctx.state.deps,
    ctx.state.session!.account.id,
    query,
  );
  return {
    domains: rows.map((r) => r.domain),
    older: olderLink(ctx.url, rows, query.limit),
    newer: newerLink(ctx.url),
    errors,
    typed,
  };
}

/**
 * `/settings/domain_blocks`: the servers the viewer blocked for themselves (as
 * `/api/v1/domain_blocks`): nothing from them in timelines or notifications, and their
 * followers of the viewer removed.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page(await load(ctx));
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const domain = field(form, "domain");
    const act = field(form, "op") === "unblock" ? unblockDomain : blockDomain;
    try {
      await act(ctx.state.deps, session.account, domain);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page(
        await load(ctx, [formError(messages(ctx), error)], domain),
        { status: 422 },
      );
    }
    return ctx.redirect(HERE, 303);
  },
});

export default define.page<typeof handler>(function DomainBlocks(
  { data, state },
) {
  const { settings } = messages({ state });
  const t = settings.domainBlocks;
  return (
    <>
      <PageHead title={t.title} />
      <h1>{settings.heading}</h1>
      <SettingsNav current={HERE} labels={settings.nav} />
      <section class="card" aria-labelledby="domains-title">
        <h2 id="domains-title">{t.title}</h2>
        <p class="help">{t.help}</p>
        <FormErrors errors={data.errors} />
        <form method="post" action={HERE} class="inline-form">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <label>
            {t.server}
            <input
              name="domain"
              value={data.typed}
              placeholder="example.social"
              required
            />
          </label>
          <button type="submit" class="danger">{t.block}</button>
        </form>
        <ul class="plain-list">
          {data.domains.map((domain) => (
            <li key={domain} class="plain-row">
              <span>{domain}</span>
              <PostButton
                action={HERE}
                csrf={state.csrfToken}
                returnTo={HERE}
                fields={{ domain, op: "unblock" }}
              >
                {t.unblock}
                <span class="visually-hidden">{domain}</span>
              </PostButton>
            </li>
          ))}
        </ul>
        {data.domains.length === 0 && <p class="empty">{t.empty}</p>}
      </section>
      <Pagination older={data.older} newer={data.newer} />
    </>
  );
});
