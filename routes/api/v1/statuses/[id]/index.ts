/**
 * GET /api/v1/statuses/:id — a status the caller may see (404 otherwise, as for a missing one).
 * PUT edits it (author only); DELETE removes it and answers it with its source `text`, for
 * delete-and-redraft (its uploads stay for reuse unless `delete_media`).
 */
import { define } from "../../../../../utils.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import {
  optionalViewer,
  requireCaller,
  statusJsonFor,
  statusResponse,
} from "../../../../../lib/mastodon/status-api.ts";
import { pollInput } from "../../../../../lib/mastodon/status-params.ts";
import {
  getOwnStatus,
  getVisibleStatus,
} from "../../../../../lib/domain/statuses.ts";
import {
  deleteStatus,
  editStatus,
} from "../../../../../lib/domain/status-changes.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:statuses");
    const status = await getVisibleStatus(deps, viewerId, ctx.params.id);
    return await statusResponse(deps, viewerId, status);
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:statuses");
    const params = await Params.from(ctx.req, ctx.url);
    const status = await editStatus(deps, me.account.id, ctx.params.id, {
      status: params.string("status"),
      spoilerText: params.string("spoiler_text"),
      sensitive: params.boolean("sensitive"),
      language: params.string("language") || undefined,
      mediaIds: params.has("media_ids") ? params.array("media_ids") : undefined,
      mediaAttributes: params.records("media_attributes").map((m) => ({
        id: m.id ?? "",
        description: m.description,
        focus: m.focus,
      })),
      poll: pollInput(params),
    });
    return await statusResponse(deps, me.account.id, status);
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:statuses");
    const status = await getOwnStatus(deps, me.account.id, ctx.params.id);
    // Rendered before the delete: mentions, tags and media links go with the row.
    const body = await statusJsonFor(deps, me.account.id, status);
    const deleteMedia = (await Params.from(ctx.req, ctx.url)).boolean(
      "delete_media",
    );
    await deleteStatus(deps, me.account.id, status.id, { deleteMedia });
    return json({
      ...body,
      text: status.text,
      favourited: false,
      reblogged: false,
    });
  },
});
