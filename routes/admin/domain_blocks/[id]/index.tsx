import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import {
  blockFieldsOf,
  DomainBlockForm,
} from "../../../../components/DomainBlockForm.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  type DomainBlockRow,
  getDomainBlock,
  updateDomainBlock,
} from "../../../../lib/moderation/mod.ts";
import { messages } from "../../../../lib/web/pages.ts";

interface Data {
  block: DomainBlockRow;
}

/** /admin/domain_blocks/:id — change a block (a new suspension severs follows at once). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page({
      block: await getDomainBlock(deps.sql, moderator ?? null, ctx.params.id),
    });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await updateDomainBlock(
      deps,
      moderator ?? null,
      ctx.params.id,
      blockFieldsOf(form),
    );
    return ctx.redirect("/admin/domain_blocks", 303);
  },
});

export default define.page<typeof handler>(function EditBlock({ data, state }) {
  const { block } = data;
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.domainBlocks;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${block.domain}`} />
      <h1>{t.editTitle(block.domain)}</h1>
      <DomainBlockForm
        action={`/admin/domain_blocks/${block.id}`}
        csrf={state.csrfToken}
        domain={null}
        fields={block}
        submit={admin.save}
        labels={adminFederation}
      />
      <p>
        <a href={`/admin/domain_blocks/${block.id}/delete`}>{t.unblockLink}</a>
      </p>
    </>
  );
});
