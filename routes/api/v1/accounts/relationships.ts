/** GET /api/v1/accounts/relationships?id[]= — the caller's relationship to each account. */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { caller } from "../../../../lib/mastodon/account-api.ts";
import { relationshipJson } from "../../../../lib/mastodon/entities/account.ts";
import { relationships } from "../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:follows");
    const ids = (await Params.from(ctx.req, ctx.url)).array("id").slice(0, 40);
    const rows = await relationships(deps, me.account, ids);
    return json(rows.map(relationshipJson));
  },
});
