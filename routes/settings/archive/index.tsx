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
import { type PageContext, signInFirst } from "../../../lib/web/pages.ts";
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
      return page(await load(ctx, accountId, [error.message]), {
        status: 422,
      });
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
    return page(await load(ctx, session.account.id, [error.message]), {
      status: 422,
    });
  }
  return ctx.redirect("/settings/archive", 303);
}

function when(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function megabytes(bytes: string | number | null): string {
  return `${(Number(bytes ?? 0) / 1048576).toFixed(1)} MB`;
}

function ExportSection(
  { archive, csrf }: { archive: ArchiveState; csrf: string },
) {
  const { latest, nextAllowedAt } = archive;
  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">Your archive</h2>
      <p>
        A ZIP file with your posts (as ActivityPub, as Mastodon's archives),
        your profile, avatar and header, your likes and bookmarks, and every
        file you attached. It is prepared in the background; you can ask for one
        every 7 days.
      </p>
      {latest?.state === "pending" && (
        <p role="status">
          Your archive is being prepared (asked{" "}
          {when(latest.created_at)}). Reload this page to see when it is ready.
        </p>
      )}
      {latest?.state === "ready" && (
        <p>
          <a href={`/settings/archive/download/${latest.id}`} download>
            Download your archive
          </a>{" "}
          ({megabytes(latest.size)}, prepared {when(latest.created_at)})
        </p>
      )}
      {latest?.state === "failed" && (
        <p role="alert">
          Preparing your archive failed. You can ask for it again.
        </p>
      )}
      {nextAllowedAt
        ? <p>You can ask for a new archive after {when(nextAllowedAt)}.</p>
        : (
          <form method="post" action="/settings/archive">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="intent" value="export" />
            <button type="submit">Request your archive</button>
          </form>
        )}
    </section>
  );
}

const SUMMARY_LINES: [keyof ArchiveSummary, string][] = [
  ["posts", "Posts to import"],
  ["replies", "Replies within the archive (threads kept)"],
  ["media", "Attached files"],
  ["boosts", "Boosts of posts known here"],
  ["duplicates", "Already imported (skipped)"],
  ["skippedBoosts", "Boosts of posts not known here (skipped)"],
  ["missingMedia", "Files missing from the archive (skipped)"],
  ["unsupported", "Other items (skipped)"],
];

const RESULT_LINES: [keyof ImportResult, string][] = [
  ["posts", "Posts imported"],
  ["boosts", "Boosts imported"],
  ["media", "Files imported"],
  ["duplicates", "Already imported (skipped)"],
  ["skippedBoosts", "Boosts skipped"],
  ["mediaSkipped", "Files skipped"],
];

function Counts<K extends string>(
  { lines, counts, label }: {
    lines: [K, string][];
    counts: Record<K, number>;
    label: string;
  },
) {
  return (
    <table aria-label={label}>
      <tbody>
        {lines.map(([key, text]) => (
          <tr key={key}>
            <th scope="row">{text}</th>
            <td>{counts[key] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportSection(
  { imported, csrf }: { imported: ImportState | null; csrf: string },
) {
  const row = imported?.row;
  const busy = row && (row.state === "analysing" || row.state === "importing");
  return (
    <section class="card" aria-labelledby="import-heading">
      <h2 id="import-heading">Import posts from an archive</h2>
      <p>
        Bring your posts over from a Mastodon (or Starling) archive. They keep
        their dates, content warnings, visibility, attached files and threads,
        and show on your profile as they were. They are not sent to your
        followers as new posts. You will see what will be imported before
        anything is.
      </p>
      {row?.state === "analysing" && (
        <p role="status">Reading your archive… Reload this page to see it.</p>
      )}
      {row?.state === "analysed" && imported?.summary && (
        <div>
          <h3>What will be imported</h3>
          <Counts
            lines={SUMMARY_LINES}
            counts={imported.summary}
            label="Dry run"
          />
          <form method="post" action="/settings/archive" class="row">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="import_id" value={row.id} />
            <button type="submit" name="intent" value="confirm">
              Import these posts
            </button>
            <button type="submit" name="intent" value="cancel">Cancel</button>
          </form>
        </div>
      )}
      {row?.state === "importing" && (
        <p role="status">Importing your posts… Reload this page to see it.</p>
      )}
      {row?.state === "done" && imported?.result && (
        <div role="status">
          <h3>Import finished</h3>
          <Counts
            lines={RESULT_LINES}
            counts={imported.result}
            label="Import result"
          />
        </div>
      )}
      {row?.state === "failed" && (
        <p role="alert">This archive could not be read: {row.error}</p>
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
            Archive (ZIP)
            <input
              type="file"
              name="archive"
              accept=".zip,application/zip"
              required
            />
          </label>
          <div>
            <button type="submit">Read archive</button>
          </div>
        </form>
      )}
    </section>
  );
}

export default define.page<typeof handler>(function ArchiveSettings(
  { data, state },
) {
  return (
    <>
      <PageHead title="Settings · Archive" />
      <h1>Settings</h1>
      <SettingsNav current="/settings/archive" />
      <FormErrors errors={data.errors} />
      <ExportSection archive={data.archive} csrf={state.csrfToken} />
      <ImportSection imported={data.imported} csrf={state.csrfToken} />
    </>
  );
});
