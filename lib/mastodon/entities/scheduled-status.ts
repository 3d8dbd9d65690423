/** ScheduledStatus entities, with the uploads each one holds. */
import type { Deps } from "../../deps.ts";
import type { ScheduledStatusRow } from "../../db/scheduled-statuses.ts";
import { heldMedia } from "../../db/scheduled-statuses.ts";
import { mediaJson } from "./status.ts";
import type { ScheduledStatus } from "./types.ts";

export async function renderScheduledStatuses(
  deps: Deps,
  rows: ScheduledStatusRow[],
): Promise<ScheduledStatus[]> {
  const media = await heldMedia(deps.sql, rows.map((r) => r.id));
  return rows.map((row) => {
    const p = row.params;
    return {
      id: row.id,
      scheduled_at: row.scheduled_at.toISOString(),
      params: {
        text: p.text,
        spoiler_text: p.spoiler_text,
        sensitive: p.sensitive,
        visibility: p.visibility ?? "public",
        in_reply_to_id: p.in_reply_to_id,
        language: p.language,
        media_ids: p.media_ids,
        poll: p.poll,
        idempotency: p.idempotency,
        application_id: Number(p.application_id ?? 0),
        scheduled_at: row.scheduled_at.toISOString(),
        with_rate_limit: p.with_rate_limit,
      },
      media_attachments: media
        .filter((m) => m.scheduled_status_id === row.id)
        .map((m) =>
          mediaJson(m, deps.config.origin, (key) => deps.media.url(key))
        ),
    };
  });
}

export async function renderScheduledStatus(
  deps: Deps,
  row: ScheduledStatusRow,
): Promise<ScheduledStatus> {
  return (await renderScheduledStatuses(deps, [row]))[0];
}
