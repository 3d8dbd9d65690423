/**
 * GET /api/v1/media/:id (206 while processing), PUT (description, focus before posting) and
 * DELETE (an upload not attached to a post) — the caller's own unattached uploads only.
 */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { caller } from "../../../../lib/mastodon/account-api.ts";
import {
  mediaDetails,
  mediaEntity,
  mediaResponse,
} from "../../../../lib/mastodon/media-api.ts";
import {
  deleteMedia,
  findOwnUnattachedMedia,
  updateMedia,
} from "../../../../lib/domain/media.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:media");
    const row = await findOwnUnattachedMedia(
      deps,
      me.account.id,
      ctx.params.id,
    );
    return mediaResponse(deps, row, 206);
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:media");
    const params = await Params.from(ctx.req, ctx.url);
    const row = await updateMedia(
      deps,
      me.account.id,
      ctx.params.id,
      mediaDetails(params),
    );
    return json(mediaEntity(deps, row));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:media");
    const row = await findOwnUnattachedMedia(
      deps,
      me.account.id,
      ctx.params.id,
    );
    await deleteMedia(deps, me.account.id, row.id);
    return json(mediaEntity(deps, row));
  },
});
