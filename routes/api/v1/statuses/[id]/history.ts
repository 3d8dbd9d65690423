/** GET /api/v1/statuses/:id/history — every version, oldest first (the current one last). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import {
  optionalViewer,
  statusJsonFor,
} from "../../../../../lib/mastodon/status-api.ts";
import { getVisibleStatus } from "../../../../../lib/domain/statuses.ts";
import { statusHistory } from "../../../../../lib/domain/status-changes.ts";
import { mediaJson } from "../../../../../lib/mastodon/entities/status.ts";
import { EmojiIndex } from "../../../../../lib/emoji/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:statuses");
    const status = await getVisibleStatus(deps, viewerId, ctx.params.id);
    const current = await statusJsonFor(deps, viewerId, status);
    const { edits, media } = await statusHistory(deps.sql, status);
    if (edits.length === 0) {
      return json([{
        content: current.content,
        spoiler_text: current.spoiler_text,
        sensitive: current.sensitive,
        created_at: current.created_at,
        account: current.account,
        poll: current.poll
          ? {
            options: current.poll.options.map((o: { title: string }) => ({
              title: o.title,
            })),
          }
          : null,
        media_attachments: current.media_attachments,
        emojis: current.emojis,
      }]);
    }
    // Each version shows the emoji its own text names (those still enabled).
    const domain = status.local ? null : current.account.acct.split("@")[1];
    const emojis = await EmojiIndex.load(
      deps.sql,
      (key) => deps.media.url(key),
      edits.map((edit) => ({
        domain,
        texts: [edit.content, edit.spoiler_text, ...(edit.poll_options ?? [])],
      })),
    );
    return json(edits.map((edit) => ({
      content: edit.content,
      spoiler_text: edit.spoiler_text,
      sensitive: edit.sensitive,
      created_at: edit.created_at.toISOString(),
      account: current.account,
      poll: edit.poll_options
        ? { options: edit.poll_options.map((title) => ({ title })) }
        : null,
      media_attachments: edit.media_ids.flatMap((id) => {
        const row = media.get(id);
        return row ? [mediaJson(row, deps.config.origin)] : [];
      }),
      emojis: emojis.find(
        domain,
        edit.content,
        edit.spoiler_text,
        ...(edit.poll_options ?? []),
      ),
    })));
  },
});
