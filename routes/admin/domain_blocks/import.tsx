import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { messages } from "../../../lib/web/pages.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import {
  applyDomainBlockImport,
  can,
  type ImportPreview,
  previewDomainBlockImport,
} from "../../../lib/moderation/mod.ts";
import type { AdminFederationMessages } from "../../../lib/i18n/en/adminFederation.ts";

interface Data {
  csv: string;
  preview: ImportPreview | null;
}

/**
 * /admin/domain_blocks/import — paste or upload Mastodon's CSV; the first POST shows what each
 * line would do, the second (`apply`) applies it all, or nothing if a line is malformed.
 */
export const handler = define.handlers<Data>({
  GET(ctx) {
    if (!can(ctx.state.moderator ?? null, "manage_federation")) {
      throw new HttpError(403, messages(ctx).admin.forbidden);
    }
    return page({ csv: "", preview: null });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const file = form.get("file");
    const csv = file instanceof File && file.size > 0
      ? await file.text()
      : String(form.get("csv") ?? "");
    const preview = await previewDomainBlockImport(
      deps.sql,
      moderator ?? null,
      csv,
    );
    if (form.get("apply") === "1" && preview.errors.length === 0) {
      await applyDomainBlockImport(deps, moderator ?? null, csv);
      return ctx.redirect("/admin/domain_blocks", 303);
    }
    return page({ csv, preview }, {
      status: preview.errors.length ? 422 : 200,
    });
  },
});

function describe(
  line: ImportPreview["lines"][number],
  t: AdminFederationMessages,
): string {
  if (line.action === "create") {
    return t.import.create(
      t.severities[line.fields.severity] ?? line.fields.severity,
    );
  }
  if (line.action === "unchanged") return t.import.unchanged;
  return Object.entries(line.changes)
    .map(([key, [before, after]]) => `${key}: ${before} → ${after}`)
    .join(", ");
}

export default define.page<typeof handler>(function Import({ data, state }) {
  const { preview } = data;
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.import;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      {preview && preview.errors.length > 0 && (
        <div class="error" role="alert">
          <p>{t.nothingApplied}</p>
          <ul>
            {preview.errors.map((e) => (
              <li>{t.lineError(e.line, e.message)}</li>
            ))}
          </ul>
        </div>
      )}
      {preview && preview.errors.length === 0 && (
        <form method="post" action="/admin/domain_blocks/import" class="card">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <input type="hidden" name="apply" value="1" />
          <textarea name="csv" hidden>{data.csv}</textarea>
          <table class="admin-table import-preview">
            <thead>
              <tr>
                <th>{t.line}</th>
                <th>{t.domain}</th>
                <th>{t.change}</th>
              </tr>
            </thead>
            <tbody>
              {preview.lines.map((line) => (
                <tr>
                  <td>{line.line}</td>
                  <td>{line.domain}</td>
                  <td>{describe(line, adminFederation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit">{t.apply}</button>
        </form>
      )}
      <form
        method="post"
        action="/admin/domain_blocks/import"
        enctype="multipart/form-data"
        class="card"
      >
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.csv}{" "}
          (#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate)
          <textarea name="csv" rows={8}>{data.csv}</textarea>
        </label>
        <label>
          {t.file} <input type="file" name="file" accept=".csv,text/csv" />
        </label>
        <button type="submit">{t.preview}</button>
      </form>
    </>
  );
});
