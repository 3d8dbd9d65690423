import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import {
  type ArchiveState,
  archiveState,
  type ArchiveSummary,
  cancelImport,
  confirmImport,
  type ImportResult,
  type ImportState,
  latestImport,
  requestArchive,
  startImport,
} from "../../../lib/archive/mod.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { field } from "../../../lib/web/forms.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import {
  messages,
  type PageContext,
  signInFirst,
} from "../../../lib/web/pages.ts";
import { formError } from "../../../lib/web/form-errors.ts";
import { fill } from "../../../lib/i18n/fill.ts";
import type { SettingsMessages } from "../../../lib/i18n/en/settings.ts";
import { formatDateTime } from "../../../components/format.ts";
import { verifyCsrf } from "../../../lib/web/csrf.ts";
import {
  multipartBoundary,
  MultipartError,
  multipartParts,
  partText,
} from "../../../lib/web/multipart.ts";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { SettingsNav } from "../../../components/SettingsNav.tsx";
import { PageHead } from "../../../components/PageHead.tsx";

interface Data {
  errors: string[];
  archive: ArchiveState;
  imported: ImportState | null;
}

async function load(
  ctx: { state: { deps: import("../../../lib/deps.ts").Deps } },
  accountId: string,
  errors: string[] = [],
): Promise<Data> {
  const [archive, imported] = await Promise.all([
    archiveState(ctx.state.deps, accountId),
    latestImport(ctx.state.deps, accountId),
  ]);
  return { errors, archive, imported };
}

/**
 * Your archive: ask for a ZIP of everything you posted (built in the background, once a week,
 * as Mastodon's), download it once ready; and bring posts in from a Mastodon or Starling
 * archive, after a dry run that says what will be imported and what skipped.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page(await load(ctx, ctx.state.session.account.id));
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const boundary = multipartBoundary(ctx.req.headers.get("content-type"));
    if (boundary && ctx.req.body) return await uploadArchive(ctx, boundary);
    const { session, form } = await signedInForm(ctx);
    const accountId = session.account.id;
    try {
      switch (field(form, "intent")) {
        case "export":
          await requestArchive(deps, accountId);
          break;
        case "confirm":
          await confirmImport(deps, accountId, field(form, "import_id"));
          break;
        case "cancel":
          await cancelImport(deps, accountId, field(form, "import_id"));
          break;
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page(
        await load(ctx, accountId, [formError(messages(ctx), error)]),
        {
          status: 422,
        },
      );
    }
    return ctx.redirect("/settings/archive", 303);
  },
});

/**
 * The import form (multipart): read as a stream, its hidden fields (which come first) checked
 * before the file goes, part by part, into storage — an archive of gigabytes never sits in
 * memory, as `Request.formData()` would keep it.
 */
async function uploadArchive(ctx: PageContext, boundary: string) {
  const { deps, session } = ctx.state;
  if (!session) throw new HttpError(401, "Please sign in first.");
  const fields = new FormData();
  let started = false;
  try {
    for await (const part of multipartParts(ctx.req.body!, boundary)) {
      if (part.filename === null) {
        fields.set(part.name, await partText(part));
        continue;
      }
      if (
        part.name !== "archive" || started ||
        !await verifyCsrf(ctx.req, fields, deps.secret, deps.config.origin)
      ) {
        await part.body.cancel();
        throw new HttpError(
          403,
          "Your form expired or came from another site. Please try again.",
        );
      }
      started = true;
      await startImport(deps, session.account.id, part.body);
    }
    if (!started) {
      throw new DomainError("validation", "Choose an archive file to import.");
    }
  } catch (error) {
    if (error instanceof MultipartError) {
      throw new HttpError(400, "The upload was cut short. Please try again.");
    }
    if (!(error instanceof DomainError)) throw error;
    return page(
      await load(ctx, session.account.id, [formError(messages(ctx), error)]),
      {
        status: 422,
      },
    );
  }
  return ctx.redirect("/settings/archive", 303);
}

function when(date: Date, locale: string): string {
  return formatDateTime(date.toISOString(), locale);
}

function megabytes(bytes: string | number | null): string {
  return `${(Number(bytes ?? 0) / 1048576).toFixed(1)} MB`;
}

type ArchiveMessages = SettingsMessages["archive"];

function ExportSection(
  { archive, csrf, t, locale }: {
    archive: ArchiveState;
    csrf: string;
    t: ArchiveMessages;
    locale: string;
  },
) {
  const { latest, nextAllowedAt } = archive;
  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t.exportHeading}</h2>
      <p>{t.exportIntro}</p>
      {latest?.state === "pending" && (
        <p role="status">
          {fill(t.pending, { date: when(latest.created_at, locale) })}
        </p>
      )}
      {latest?.state === "ready" && (
        <p>
          <a href={`/settings/archive/download/${latest.id}`} download>
            {t.download}
          </a>
          {fill(t.ready, {
            size: megabytes(latest.size),
            date: when(latest.created_at, locale),
          })}
        </p>
      )}
      {latest?.state === "failed" && <p role="alert">{t.failed}</p>}
      {nextAllowedAt
        ? <p>{fill(t.nextAllowed, { date: when(nextAllowedAt, locale) })}</p>
        : (
          <form method="post" action="/settings/archive">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="intent" value="export" />
            <button type="submit">{t.request}</button>
          </form>
        )}
    </section>
  );
}

const SUMMARY_LINES: (keyof ArchiveSummary)[] = [
  "posts",
  "replies",
  "media",
  "boosts",
  "duplicates",
  "skippedBoosts",
  "missingMedia",
  "unsupported",
];

const RESULT_LINES: (keyof ImportResult)[] = [
  "posts",
  "boosts",
  "media",
  "duplicates",
  "skippedBoosts",
  "mediaSkipped",
];

function Counts<K extends string>(
  { lines, names, counts, label }: {
    lines: K[];
    names: Record<K, string>;
    counts: Record<K, number>;
    label: string;
  },
) {
  return (
    <table aria-label={label}>
      <tbody>
        {lines.map((key) => (
          <tr key={key}>
            <th scope="row">{names[key]}</th>
            <td>{counts[key] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportSection(
  { imported, csrf, t }: {
    imported: ImportState | null;
    csrf: string;
    t: ArchiveMessages;
  },
) {
  const row = imported?.row;
  const busy = row && (row.state === "analysing" || row.state === "importing");
  return (
    <section class="card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t.importHeading}</h2>
      <p>{t.importIntro}</p>
      {row?.state === "analysing" && <p role="status">{t.analysing}</p>}
      {row?.state === "analysed" && imported?.summary && (
        <div>
          <h3>{t.willImport}</h3>
          <Counts
            lines={SUMMARY_LINES}
            names={t.summary}
            counts={imported.summary}
            label={t.dryRun}
          />
          <form method="post" action="/settings/archive" class="row">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="import_id" value={row.id} />
            <button type="submit" name="intent" value="confirm">
              {t.confirm}
            </button>
            <button type="submit" name="intent" value="cancel">
              {t.cancel}
            </button>
          </form>
        </div>
      )}
      {row?.state === "importing" && <p role="status">{t.importing}</p>}
      {row?.state === "done" && imported?.result && (
        <div role="status">
          <h3>{t.done}</h3>
          <Counts
            lines={RESULT_LINES}
            names={t.results}
            counts={imported.result}
            label={t.result}
          />
        </div>
      )}
      {row?.state === "failed" && (
        <p role="alert">{fill(t.unreadable, { error: row.error ?? "" })}</p>
      )}
      {!busy && row?.state !== "analysed" && (
        <form
          method="post"
          action="/settings/archive"
          enctype="multipart/form-data"
          class="stack"
        >
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="intent" value="import" />
          <label>
            {t.file}
            <input
              type="file"
              name="archive"
              accept=".zip,application/zip"
              required
            />
          </label>
          <div>
            <button type="submit">{t.read}</button>
          </div>
        </form>
      )}
    </section>
  );
}

export default define.page<typeof handler>(function ArchiveSettings(
  { data, state },
) {
  const { settings } = messages({ state });
  const t = settings.archive;
  return (
    <>
      <PageHead title={fill(settings.pageTitle, { page: t.title })} />
      <h1>{settings.heading}</h1>
      <SettingsNav current="/settings/archive" labels={settings.nav} />
      <FormErrors errors={data.errors} />
      <ExportSection
        archive={data.archive}
        csrf={state.csrfToken}
        t={t}
        locale={state.locale ?? "en"}
      />
      <ImportSection
        imported={data.imported}
        csrf={state.csrfToken}
        t={t}
      />
    </>
  );
});
