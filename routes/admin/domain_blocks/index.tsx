import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { formatDateTime } from "../../../components/format.ts";
import {
  type DomainBlockRow,
  listDomainBlocks,
} from "../../../lib/moderation/mod.ts";

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

function flags(block: DomainBlockRow): string {
  return [
    block.reject_media && "media rejected",
    block.reject_reports && "reports rejected",
    block.obfuscate && "obfuscated",
  ].filter(Boolean).join(", ");
}

export default define.page<typeof handler>(function DomainBlocks({ data }) {
  return (
    <>
      <PageHead title="Moderation · Domain blocks" />
      <h1>Domain blocks</h1>
      <p>
        <a href="/admin/domain_blocks/new">Block a domain</a>
        {" · "}
        <a href="/admin/domain_blocks/import">Import CSV</a>
        {" · "}
        <a href="/admin/domain_blocks/export">Export CSV</a>
      </p>
      {data.blocks.length === 0
        ? <p class="empty">No domain is blocked.</p>
        : (
          <table class="admin-table">
            <thead>
              <tr>
                <th>Domain</th>
                <th>Severity</th>
                <th>Also</th>
                <th>Since</th>
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
                  <td>{block.severity}</td>
                  <td>{flags(block)}</td>
                  <td>{formatDateTime(block.created_at.toISOString())}</td>
                  <td>
                    <a href={`/admin/domain_blocks/${block.id}/delete`}>
                      Unblock
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
