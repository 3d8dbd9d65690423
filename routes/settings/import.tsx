import { page } from "fresh";
import { define } from "../../utils.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import {
  messages,
  type PageContext,
  signInFirst,
} from "../../lib/web/pages.ts";
import { errorText, formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
import type { SettingsMessages } from "../../lib/i18n/en/settings.ts";
import {
  IMPORT_TYPES,
  type ImportRecord,
  type ImportType,
  isImportType,
  recentImports,
  startImport,
} from "../../lib/imports/mod.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";

const HERE = "/settings/import";
/** A 20,000-row follows file is well under this. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

interface Data {
  imports: Awaited<ReturnType<typeof recentImports>>;
  errors: string[];
  type: ImportType;
  mode: "merge" | "overwrite";
}

async function load(
  ctx: PageContext,
  rest: Omit<Data, "imports"> = {
    errors: [],
    type: "following",
    mode: "merge",
  },
): Promise<Data> {
  const imports = await recentImports(
    ctx.state.deps.sql,
    ctx.state.session!.account.id,
  );
  return { imports, ...rest };
}

/**
 * `/settings/import`: upload one of Mastodon's CSV exports (follows, blocks, mutes, domain
 * blocks, bookmarks, lists), merged into what one has or replacing it. The rows are applied in
 * the background; this page shows each import's progress and every row that failed, and why.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page(await load(ctx));
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const typeField = field(form, "type");
    const type = isImportType(typeField) ? typeField : "following";
    const mode = field(form, "mode") === "overwrite" ? "overwrite" : "merge";
    const t = messages(ctx).errors;
    const refuse = async (message: string) =>
      page(await load(ctx, { errors: [message], type, mode }), {
        status: 422,
      });
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return await refuse(t.chooseCsv);
    }
    if (file.size > MAX_FILE_BYTES) {
      return await refuse(t.csvTooLarge);
    }
    try {
      await startImport(ctx.state.deps, session.account, {
        type,
        mode,
        fileName: file.name,
        text: await file.text(),
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return await refuse(
        fill(t.nothingImported, { reason: formError(messages(ctx), error) }),
      );
    }
    return ctx.redirect(HERE, 303);
  },
});

/** What a stored row named, for the failures table. */
function rowText(data: Record<string, unknown>): string {
  const list = typeof data.list === "string" ? `${data.list}: ` : "";
  const what = data.acct ?? data.domain ?? data.uri ?? "";
  return `${list}${what}`;
}

function Progress(
  { record, t }: { record: ImportRecord; t: SettingsMessages["import"] },
) {
  const state = record.finished_at
    ? t.finished
    : record.stalled
    ? t.stalled
    : t.inProgress;
  return (
    <p>
      <strong>{state}</strong>: {fill(t.progress, {
        processed: record.processed_rows,
        total: record.total_rows,
      })}
      {record.failed_rows > 0
        ? fill(t.failedCount, { count: record.failed_rows })
        : ""}.
    </p>
  );
}

export default define.page<typeof handler>(function Import(
  { data, state },
) {
  const all = messages({ state });
  const { settings } = all;
  const t = settings.import;
  return (
    <>
      <PageHead title={fill(settings.pageTitle, { page: t.title })} />
      <h1>{settings.heading}</h1>
      <SettingsNav current={HERE} labels={settings.nav} />
      <section class="card" aria-labelledby="import-title">
        <h2 id="import-title">{t.title}</h2>
        <p class="help">
          {t.helpBefore}
          <a href="/settings/export">{t.helpLink}</a>
          {t.helpAfter}
        </p>
        <FormErrors errors={data.errors} />
        <form
          method="post"
          action={HERE}
          enctype="multipart/form-data"
          class="stack"
        >
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <label>
            {t.type}
            <select name="type">
              {IMPORT_TYPES.map((type) => (
                <option key={type} value={type} selected={type === data.type}>
                  {t.types[type]}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t.mode}</legend>
            <div class="stack">
              {Object.entries(t.modes).map(([value, [label, help]]) => (
                <label class="checkbox" key={value}>
                  <input
                    type="radio"
                    name="mode"
                    value={value}
                    checked={data.mode === value}
                  />
                  <span>
                    {label} <small>— {help}</small>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <label>
            {t.file}
            <input type="file" name="file" accept=".csv,text/csv" required />
          </label>
          <button type="submit">{t.upload}</button>
        </form>
      </section>
      {data.imports.length > 0 && (
        <section class="card" aria-labelledby="recent-title">
          <h2 id="recent-title">{t.recent}</h2>
          <form method="get" action={HERE}>
            <button type="submit" class="secondary">{t.refresh}</button>
          </form>
          {data.imports.map((record) => (
            <article
              key={record.id}
              aria-label={fill(t.importLabel, { file: record.file_name })}
            >
              <h3>
                {t.types[record.type]}{" "}
                ({t.modes[record.mode][0].toLowerCase()}) · {record.file_name}
              </h3>
              <Progress record={record} t={t} />
              {record.failures.length > 0 && (
                <table class="admin-table">
                  <caption>{t.failures}</caption>
                  <thead>
                    <tr>
                      <th>{t.line}</th>
                      <th>{t.row}</th>
                      <th>{t.why}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {record.failures.map((row) => (
                      <tr key={row.line}>
                        <td>{row.line}</td>
                        <td>{rowText(row.data)}</td>
                        <td>{errorText(all, row.error)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          ))}
        </section>
      )}
    </>
  );
});
