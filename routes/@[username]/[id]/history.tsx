import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { getVisibleStatus } from "../../../lib/domain/statuses.ts";
import { statusHistory } from "../../../lib/domain/status-changes.ts";
import { messages, viewerId } from "../../../lib/web/pages.ts";
import { formatDateTime } from "../../../components/format.ts";
import { PageHead } from "../../../components/PageHead.tsx";

interface Version {
  createdAt: string;
  content: string;
  spoilerText: string;
  pollOptions: string[] | null;
  mediaCount: number;
}

interface Data {
  back: string;
  /** Newest first. */
  versions: Version[];
}

/** `/@alice/123/history`: every version of an edited post, as the API's history lists them. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const { deps } = ctx.state;
    const status = await getVisibleStatus(deps, viewerId(ctx), ctx.params.id);
    const { edits } = await statusHistory(deps.sql, status);
    const versions: Version[] = edits.length
      ? edits.map((edit) => ({
        createdAt: edit.created_at.toISOString(),
        content: edit.content,
        spoilerText: edit.spoiler_text,
        pollOptions: edit.poll_options,
        mediaCount: edit.media_ids.length,
      }))
      : [{
        createdAt: status.created_at.toISOString(),
        content: status.content,
        spoilerText: status.spoiler_text,
        pollOptions: null,
        mediaCount: 0,
      }];
    return page({
      back: `/@${ctx.params.username}/${status.id}`,
      versions: versions.reverse(),
    });
  },
});

export default define.page<typeof handler>(
  function EditHistory({ data, state }) {
    const t = messages({ state }).thread;
    return (
      <>
        <PageHead title={t.editHistory} />
        <header class="page-header">
          <h1>{t.editHistory}</h1>
          <a class="button secondary small" href={data.back}>{t.backToPost}</a>
        </header>
        <ol class="timeline edit-history" reversed>
          {data.versions.map((version, index) => (
            <li class="status">
              <p class="edit-when">
                {index === data.versions.length - 1
                  ? t.original
                  : index === 0
                  ? t.currentVersion
                  : t.edited},{" "}
                <time datetime={version.createdAt}>
                  {formatDateTime(version.createdAt, state.locale ?? "en")}
                </time>
              </p>
              {version.spoilerText && (
                <p class="cw-label">{t.contentWarning(version.spoilerText)}</p>
              )}
              {/* Sanitised when it was stored, like every post's content. */}
              <div
                class="status-content"
                dangerouslySetInnerHTML={{ __html: version.content }}
              />
              {version.pollOptions && (
                <ul class="edit-poll">
                  {version.pollOptions.map((o) => <li key={o}>{o}</li>)}
                </ul>
              )}
              {version.mediaCount > 0 && (
                <p class="edit-media">
                  {t.attachments(version.mediaCount)}
                </p>
              )}
            </li>
          ))}
        </ol>
      </>
    );
  },
);
