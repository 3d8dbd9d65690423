import { formError } from "../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { field } from "../../../lib/web/forms.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import {
  createEmailDomainBlock,
  emailDomainBlockHistory,
  listEmailDomainBlocks,
} from "../../../lib/moderation/mod.ts";
import { messages, type PageContext } from "../../../lib/web/pages.ts";

interface Data {
  blocks: { id: string; domain: string; createdAt: string; week: number }[];
  errors: string[];
}

async function load(ctx: PageContext, errors: string[] = []): Promise<Data> {
  const { deps, moderator } = ctx.state;
  const blocks = await listEmailDomainBlocks(deps.sql, moderator ?? null);
  const history = await emailDomainBlockHistory(
    deps.sql,
    blocks.map((b) => String(b.id)),
  );
  return {
    blocks: blocks.map((b) => ({
      id: String(b.id),
      domain: b.domain,
      createdAt: b.created_at.toISOString(),
      week: (history.get(String(b.id)) ?? []).reduce(
        (sum, day) => sum + day.accounts,
        0,
      ),
    })),
    errors,
  };
}

/**
 * /admin/email_domain_blocks — e-mail domains refused at sign-up (`manage_blocks`), with the
 * sign-ups each refused this week; POST adds one.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    return page(await load(ctx));
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    try {
      await createEmailDomainBlock(
        deps.sql,
        moderator ?? null,
        field(form, "domain"),
      );
    } catch (error) {
      if (error instanceof DomainError && error.kind === "validation") {
        return page(await load(ctx, [formError(messages(ctx), error)]), {
          status: 422,
        });
      }
      throw error;
    }
    return ctx.redirect("/admin/email_domain_blocks", 303);
  },
});

export default define.page<typeof handler>(function EmailDomainBlocks(
  { data, state },
) {
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.emailDomains;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <FormErrors errors={data.errors} />
      <form method="post" action="/admin/email_domain_blocks" class="card">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.domain} <input name="domain" required placeholder="spam.example" />
        </label>
        <button type="submit">{t.block}</button>
      </form>
      {data.blocks.length === 0 && <p class="empty">{t.empty}</p>}
      <table class="email-domain-blocks">
        <thead>
          <tr>
            <th>{t.domain}</th>
            <th>{t.since}</th>
            <th>{t.refused}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {data.blocks.map((b) => (
            <tr key={b.id}>
              <td>{b.domain}</td>
              <td>{formatDateTime(b.createdAt, state.locale ?? "en")}</td>
              <td>{b.week}</td>
              <td>
                <a href={`/admin/email_domain_blocks/${b.id}/delete`}>
                  {t.unblock(b.domain)}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
