import { page } from "fresh";
import { define } from "../../utils.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { type PageContext, signInFirst } from "../../lib/web/pages.ts";
import {
  IMPORT_TYPE_LABELS,
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

const MODES = [
  ["merge", "Merge", "keep what you have and add what the file lists"],
  ["overwrite", "Overwrite", "also remove what the file doesn't list"],
] as const;

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
    const refuse = async (message: string) =>
      page(await load(ctx, { errors: [message], type, mode }), {
        status: 422,
      });
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return await refuse("Choose a CSV file to import.");
    }
    if (file.size > MAX_FILE_BYTES) {
      return await refuse("The file is too large (at most 4 MB).");
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
      return await refuse(`Nothing was imported. ${error.message}`);
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

function Progress({ record }: { record: ImportRecord }) {
  const state = record.finished_at
    ? "Finished"
    : record.stalled
    ? "Stopped after repeated errors (an admin can retry it)"
    : "In progress";
  return (
    <p>
      <strong>{state}</strong>: {record.processed_rows} of {record.total_rows}
      {" "}
      rows processed
      {record.failed_rows > 0 ? `, ${record.failed_rows} failed` : ""}.
    </p>
  );
}

export default define.page<typeof handler>(function Import(
  { data, state },
) {
  return (
    <>
      <PageHead title="Settings · Import" />
      <h1>Settings</h1>
      <SettingsNav current={HERE} />
      <section class="card" aria-labelledby="import-title">
        <h2 id="import-title">Import</h2>
        <p class="help">
          Bring data exported from Starling or another Mastodon-compatible
          server (<a href="/settings/export">Export</a>).
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
            Import type
            <select name="type">
              {IMPORT_TYPES.map((type) => (
                <option key={type} value={type} selected={type === data.type}>
                  {IMPORT_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Mode</legend>
            <div class="stack">
              {MODES.map(([value, label, help]) => (
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
            CSV file
            <input type="file" name="file" accept=".csv,text/csv" required />
          </label>
          <button type="submit">Upload</button>
        </form>
      </section>
      {data.imports.length > 0 && (
        <section class="card" aria-labelledby="recent-title">
          <h2 id="recent-title">Recent imports</h2>
          <form method="get" action={HERE}>
            <button type="submit" class="secondary">Refresh progress</button>
          </form>
          {data.imports.map((record) => (
            <article key={record.id} aria-label={`Import ${record.file_name}`}>
              <h3>
                {IMPORT_TYPE_LABELS[record.type]} ({record.mode}) ·{" "}
                {record.file_name}
              </h3>
              <Progress record={record} />
              {record.failures.length > 0 && (
                <table class="admin-table">
                  <caption>Rows that failed</caption>
                  <thead>
                    <tr>
                      <th>Line</th>
                      <th>Row</th>
                      <th>Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {record.failures.map((row) => (
                      <tr key={row.line}>
                        <td>{row.line}</td>
                        <td>{rowText(row.data)}</td>
                        <td>{row.error}</td>
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
