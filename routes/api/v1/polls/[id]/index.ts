/** GET /api/v1/polls/:id — a poll, visible when its status is. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { optionalViewer } from "../../../../../lib/mastodon/status-api.ts";
import { getVisiblePoll } from "../../../../../lib/domain/interactions.ts";
import { ownVotes } from "../../../../../lib/domain/polls.ts";
import { pollJson } from "../../../../../lib/mastodon/entities/poll.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:statuses");
    const { poll } = await getVisiblePoll(deps, viewerId, ctx.params.id);
    const votes = viewerId ? await ownVotes(deps.sql, viewerId, poll.id) : null;
    return json(pollJson(poll, votes, viewerId));
  },
});
