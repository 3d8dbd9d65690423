/** GET /api/v1/instance/rules — the server's rules, in their order. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { ruleJson } from "../../../../lib/mastodon/entities/instance.ts";
import { listRules } from "../../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    return json((await listRules(ctx.state.deps.sql)).map(ruleJson));
  },
});
