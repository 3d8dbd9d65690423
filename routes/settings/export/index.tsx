import { page } from "fresh";
import { define } from "../../../utils.ts";
import { messages, signInFirst } from "../../../lib/web/pages.ts";
import { fill } from "../../../lib/i18n/fill.ts";
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

const ROWS: [keyof ExportCounts, ExportFileName][] = [
  ["following", "following_accounts.csv"],
  ["followers", "followers.csv"],
  ["lists", "lists.csv"],
  ["blocks", "blocked_accounts.csv"],
  ["mutes", "muted_accounts.csv"],
  ["domain_blocks", "blocked_domains.csv"],
  ["bookmarks", "bookmarks.csv"],
];

export default define.page<typeof handler>(function Export({ data, state }) {
  const { settings } = messages({ state });
  const t = settings.export;
  return (
    <>
      <PageHead title={fill(settings.pageTitle, { page: t.title })} />
      <h1>{settings.heading}</h1>
      <SettingsNav current={HERE} labels={settings.nav} />
      <section class="card" aria-labelledby="export-title">
        <h2 id="export-title">{t.title}</h2>
        <p class="help">
          {t.helpBefore}
          <a href="/settings/import">{t.helpLink}</a>
          {t.helpAfter}
        </p>
        <table class="admin-table">
          <tbody>
            {ROWS.map(([key, file]) => (
              <tr key={file}>
                <th scope="row">{t.rows[key]}</th>
                <td>{data[key]}</td>
                <td>
                  <a href={`${HERE}/${file}`} download={file}>
                    {fill(t.download, { file })}
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
