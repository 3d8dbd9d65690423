/** GET /api/v1/instance/peers — domains this server knows accounts on. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { knownPeers } from "../../../../lib/domain/instance.ts";

export const handler = define.handlers({
  async GET(ctx) {
    return json(await knownPeers(ctx.state.deps.sql));
  },
});
