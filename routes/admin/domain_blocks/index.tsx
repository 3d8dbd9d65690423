import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { formatDateTime } from "../../../components/format.ts";
import {
  type DomainBlockRow,
  listDomainBlocks,
} from "../../../lib/moderation/mod.ts";
import { messages } from "../../../lib/web/pages.ts";
import type { AdminFederationMessages } from "../../../lib/i18n/en/adminFederation.ts";

interface Data {
  blocks: DomainBlockRow[];
}

/** /admin/domain_blocks — the instance's domain blocks (`manage_federation`). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page({
      blocks: await listDomainBlocks(deps.sql, moderator ?? null),
    });
  },
});

function flags(
  block: DomainBlockRow,
  t: AdminFederationMessages["domainBlocks"],
): string {
  return [
    block.reject_media && t.mediaRejected,
    block.reject_reports && t.reportsRejected,
    block.obfuscate && t.obfuscated,
  ].filter(Boolean).join(", ");
}

export default define.page<typeof handler>(function DomainBlocks(
  { data, state },
) {
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.domainBlocks;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <p>
        <a href="/admin/domain_blocks/new">{t.blockDomain}</a>
        {" · "}
        <a href="/admin/domain_blocks/import">{t.importCsv}</a>
        {" · "}
        <a href="/admin/domain_blocks/export">{t.exportCsv}</a>
      </p>
      {data.blocks.length === 0
        ? <p class="empty">{t.empty}</p>
        : (
          <table class="admin-table">
            <thead>
              <tr>
                <th>{t.domain}</th>
                <th>{t.severity}</th>
                <th>{t.also}</th>
                <th>{t.since}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {data.blocks.map((block) => (
                <tr>
                  <td>
                    <a href={`/admin/domain_blocks/${block.id}`}>
                      {block.domain}
                    </a>
                  </td>
                  <td>
                    {adminFederation.severities[block.severity] ??
                      block.severity}
                  </td>
                  <td>{flags(block, t)}</td>
                  <td>
                    {formatDateTime(
                      block.created_at.toISOString(),
                      state.locale ?? "en",
                    )}
                  </td>
                  <td>
                    <a href={`/admin/domain_blocks/${block.id}/delete`}>
                      {t.unblock}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </>
  );
});
