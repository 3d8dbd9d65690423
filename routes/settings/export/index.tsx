import { page } from "fresh";
import { define } from "../../../utils.ts";
import { signInFirst } from "../../../lib/web/pages.ts";
import {
  type ExportCounts,
  exportCounts,
  type ExportFileName,
} from "../../../lib/imports/mod.ts";
import { SettingsNav } from "../../../components/SettingsNav.tsx";
import { PageHead } from "../../../components/PageHead.tsx";

const HERE = "/settings/export";

/** `/settings/export`: how much there is of each kind, each with its CSV (as Mastodon's page). */
export const handler = define.handlers<ExportCounts>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page(
      await exportCounts(ctx.state.deps.sql, ctx.state.session.account.id),
    );
  },
});

const ROWS: [string, keyof ExportCounts, ExportFileName][] = [
  ["Follows", "following", "following_accounts.csv"],
  ["Followers", "followers", "followers.csv"],
  ["Lists", "lists", "lists.csv"],
  ["You block", "blocks", "blocked_accounts.csv"],
  ["You mute", "mutes", "muted_accounts.csv"],
  ["Domain blocks", "domain_blocks", "blocked_domains.csv"],
  ["Bookmarks", "bookmarks", "bookmarks.csv"],
];

export default define.page<typeof handler>(function Export({ data }) {
  return (
    <>
      <PageHead title="Settings · Export" />
      <h1>Settings</h1>
      <SettingsNav current={HERE} />
      <section class="card" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <p class="help">
          CSV files in Mastodon's formats: import them here or on any Mastodon
          server (<a href="/settings/import">Import</a>).
        </p>
        <table class="admin-table">
          <tbody>
            {ROWS.map(([label, key, file]) => (
              <tr key={file}>
                <th scope="row">{label}</th>
                <td>{data[key]}</td>
                <td>
                  <a href={`${HERE}/${file}`} download={file}>
                    Download {file}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
});
