import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  deleteDomainBlock,
  type DomainBlockRow,
  getDomainBlock,
} from "../../../../lib/moderation/mod.ts";
import { messages } from "../../../../lib/web/pages.ts";

interface Data {
  block: DomainBlockRow;
}

/** /admin/domain_blocks/:id/delete — asks first (GET), then lifts the block (POST). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page({
      block: await getDomainBlock(deps.sql, moderator ?? null, ctx.params.id),
    });
  },
  async POST(ctx) {
    await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await deleteDomainBlock(deps.sql, moderator ?? null, ctx.params.id);
    return ctx.redirect("/admin/domain_blocks", 303);
  },
});

export default define.page<typeof handler>(function Unblock({ data, state }) {
  const { block } = data;
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.domainBlocks;
  return (
    <>
      <PageHead
        title={`${admin.moderation} · ${t.unblockTitle(block.domain)}`}
      />
      <h1>{t.unblockQuestion(block.domain)}</h1>
      <p>{t.unblockDetail}</p>
      <form method="post" action={`/admin/domain_blocks/${block.id}/delete`}>
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <button type="submit">{t.unblockButton(block.domain)}</button>{" "}
        <a href="/admin/domain_blocks">{admin.cancel}</a>
      </form>
    </>
  );
});
