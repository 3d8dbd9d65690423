import { formError } from "../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../utils.ts";
import { messages } from "../../../lib/web/pages.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import {
  blockFieldsOf,
  DomainBlockForm,
} from "../../../components/DomainBlockForm.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import {
  can,
  createDomainBlock,
  type DomainBlockFields,
} from "../../../lib/moderation/mod.ts";
import { HttpError } from "fresh";

interface Data {
  domain: string;
  fields: DomainBlockFields;
  error: string | null;
}

const EMPTY: DomainBlockFields = {
  severity: "silence",
  reject_media: false,
  reject_reports: false,
  obfuscate: false,
  private_comment: null,
  public_comment: null,
};

/** /admin/domain_blocks/new — block a domain; a refusal shows the form again with why. */
export const handler = define.handlers<Data>({
  GET(ctx) {
    if (!can(ctx.state.moderator ?? null, "manage_federation")) {
      throw new HttpError(403, messages(ctx).admin.forbidden);
    }
    return page({ domain: "", fields: EMPTY, error: null });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const domain = String(form.get("domain") ?? "");
    const fields = blockFieldsOf(form);
    try {
      await createDomainBlock(deps, moderator ?? null, domain, fields);
    } catch (error) {
      if (error instanceof DomainError && error.kind === "validation") {
        return page(
          { domain, fields, error: formError(messages(ctx), error) },
          { status: 422 },
        );
      }
      throw error;
    }
    return ctx.redirect("/admin/domain_blocks", 303);
  },
});

export default define.page<typeof handler>(function NewBlock({ data, state }) {
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.domainBlocks;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.blockDomain}`} />
      <h1>{t.blockDomain}</h1>
      {data.error && <p class="error" role="alert">{data.error}</p>}
      <DomainBlockForm
        action="/admin/domain_blocks/new"
        csrf={state.csrfToken}
        domain={data.domain}
        fields={data.fields}
        submit={t.block}
        labels={adminFederation}
      />
    </>
  );
});
