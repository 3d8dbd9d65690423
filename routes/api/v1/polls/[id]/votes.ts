/** POST /api/v1/polls/:id/votes — vote with `choices[]` (option indexes). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { voteInPoll } from "../../../../../lib/domain/interactions.ts";
import { ownVotes } from "../../../../../lib/domain/polls.ts";
import { pollJson } from "../../../../../lib/mastodon/entities/poll.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:statuses");
    const params = await Params.from(ctx.req, ctx.url);
    const choices = params.array("choices").map(Number).filter(
      Number.isInteger,
    );
    const poll = await voteInPoll(deps, me.account.id, ctx.params.id, choices);
    return json(
      pollJson(
        poll,
        await ownVotes(deps.sql, me.account.id, poll.id),
        me.account.id,
      ),
    );
  },
});
