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
  newerLink,
  olderLink,
  type PageContext,
  signInFirst,
  webPage,
} from "../../lib/web/pages.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
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
      return page(await load(ctx, [error.message], domain), { status: 422 });
    }
    return ctx.redirect(HERE, 303);
  },
});

export default define.page<typeof handler>(function DomainBlocks(
  { data, state },
) {
  return (
    <>
      <PageHead title="Blocked domains" />
      <h1>Settings</h1>
      <SettingsNav current={HERE} />
      <section class="card" aria-labelledby="domains-title">
        <h2 id="domains-title">Blocked domains</h2>
        <p class="help">
          You won't see posts or notifications from anyone on a blocked server,
          and your followers there are removed.
        </p>
        <FormErrors errors={data.errors} />
        <form method="post" action={HERE} class="inline-form">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <label>
            Server to block
            <input
              name="domain"
              value={data.typed}
              placeholder="example.social"
              required
            />
          </label>
          <button type="submit" class="danger">Block server</button>
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
                Unblock<span class="visually-hidden">{domain}</span>
              </PostButton>
            </li>
          ))}
        </ul>
        {data.domains.length === 0 && (
          <p class="empty">You haven't blocked any servers.</p>
        )}
      </section>
      <Pagination older={data.older} newer={data.newer} />
    </>
  );
});
