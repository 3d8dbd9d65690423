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
  createCanonicalEmailBlock,
  listCanonicalEmailBlocks,
  testCanonicalEmail,
} from "../../../lib/moderation/mod.ts";
import { messages, type PageContext } from "../../../lib/web/pages.ts";

interface Data {
  blocks: {
    id: string;
    hash: string;
    fromAccountId: string | null;
    createdAt: string;
  }[];
  errors: string[];
  /** The address looked up with ?test=, and whether it is blocked. */
  tested: { email: string; blocked: boolean } | null;
}

async function load(ctx: PageContext, errors: string[] = []): Promise<Data> {
  const { deps, moderator } = ctx.state;
  const email = ctx.url.searchParams.get("test")?.trim() ?? "";
  const blocks = await listCanonicalEmailBlocks(deps.sql, moderator ?? null);
  return {
    blocks: blocks.map((b) => ({
      id: String(b.id),
      hash: b.canonical_email_hash,
      fromAccountId: b.reference_account_id
        ? String(b.reference_account_id)
        : null,
      createdAt: b.created_at.toISOString(),
    })),
    errors,
    tested: email
      ? {
        email,
        blocked: (await testCanonicalEmail(deps.sql, moderator ?? null, email))
          .length > 0,
      }
      : null,
  };
}

/**
 * /admin/canonical_email_blocks — e-mail addresses that may not sign up, kept as hashes of the
 * canonical address (`manage_blocks`): added here or by suspending with "block this address".
 * POST blocks an address; `?test=` says whether an address is blocked.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    return page(await load(ctx));
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    try {
      await createCanonicalEmailBlock(deps.sql, moderator ?? null, {
        email: field(form, "email"),
      });
    } catch (error) {
      if (error instanceof DomainError && error.kind === "validation") {
        return page(await load(ctx, [formError(messages(ctx), error)]), {
          status: 422,
        });
      }
      throw error;
    }
    return ctx.redirect("/admin/canonical_email_blocks", 303);
  },
});

export default define.page<typeof handler>(function CanonicalEmailBlocks(
  { data, state },
) {
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.emailAddresses;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <FormErrors errors={data.errors} />
      <form method="post" action="/admin/canonical_email_blocks" class="card">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.address} <input name="email" type="email" required />
        </label>
        <button type="submit">{t.block}</button>
      </form>
      <form method="get" action="/admin/canonical_email_blocks" class="card">
        <label>
          {t.test}{" "}
          <input name="test" type="email" value={data.tested?.email ?? ""} />
        </label>
        <button type="submit">{t.check}</button>
        {data.tested && (
          <p class="tested" role="status">
            {data.tested.email} {data.tested.blocked ? t.blocked : t.notBlocked}
          </p>
        )}
      </form>
      {data.blocks.length === 0 && <p class="empty">{t.empty}</p>}
      <table class="canonical-email-blocks">
        <thead>
          <tr>
            <th>{t.hash}</th>
            <th>{t.from}</th>
            <th>{t.since}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {data.blocks.map((b) => (
            <tr key={b.id}>
              <td>
                <code>{b.hash.slice(0, 16)}…</code>
              </td>
              <td>
                {b.fromAccountId
                  ? (
                    <a href={`/admin/accounts/${b.fromAccountId}`}>
                      {t.suspendedAccount}
                    </a>
                  )
                  : t.byHand}
              </td>
              <td>{formatDateTime(b.createdAt, state.locale ?? "en")}</td>
              <td>
                <a href={`/admin/canonical_email_blocks/${b.id}/delete`}>
                  {t.lift}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
