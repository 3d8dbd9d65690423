/**
 * GET /api/v1/statuses?id[]= — up to 20 statuses at once, those the caller may see.
 * POST /api/v1/statuses — post a status (JSON, form or multipart; `Idempotency-Key` honoured),
 * or, with a future `scheduled_at`, keep it for later and answer a ScheduledStatus.
 */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import {
  optionalViewer,
  requireCaller,
  statusListResponse,
  statusResponse,
} from "../../../../lib/mastodon/status-api.ts";
import { createStatus } from "../../../../lib/domain/statuses.ts";
import { statusesByIds } from "../../../../lib/domain/timelines.ts";
import {
  parseScheduledAt,
  scheduleStatus,
} from "../../../../lib/domain/scheduled-statuses.ts";
import { pollInput } from "../../../../lib/mastodon/status-params.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { renderScheduledStatus } from "../../../../lib/mastodon/entities/scheduled-status.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:statuses");
    const ids = (await Params.from(ctx.req, ctx.url)).array("id");
    const rows = await statusesByIds(deps.sql, viewerId, ids);
    return await statusListResponse(deps, viewerId, rows);
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:statuses");
    const params = await Params.from(ctx.req, ctx.url);
    const input = {
      status: params.string("status"),
      spoilerText: params.string("spoiler_text"),
      sensitive: params.boolean("sensitive"),
      visibility: params.string("visibility") || undefined,
      inReplyToId: params.string("in_reply_to_id") || undefined,
      language: params.string("language") || undefined,
      mediaIds: params.array("media_ids"),
      poll: pollInput(params),
      idempotencyKey: ctx.req.headers.get("idempotency-key") ?? undefined,
      applicationId: me.applicationId,
    };
    // As Mastodon: a time already past means "now".
    const at = parseScheduledAt(params.string("scheduled_at") || undefined);
    if (at && at.getTime() > Date.now()) {
      const row = await scheduleStatus(deps, me, input, at);
      return json(await renderScheduledStatus(deps, row));
    }
    const status = await createStatus(deps, me, input);
    return await statusResponse(deps, me.account.id, status);
  },
});
