/** POST /api/v1/reports — report an account (and some of its statuses) to the moderators. */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { Params } from "../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../lib/mastodon/status-api.ts";
import { fileReport } from "../../../lib/domain/reports.ts";
import { invalid } from "../../../lib/domain/errors.ts";
import { reportJson } from "../../../lib/mastodon/entities/report.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:reports");
    const params = await Params.from(ctx.req, ctx.url);
    const accountId = params.string("account_id");
    if (!accountId) throw invalid("Account can't be blank", "account_id");
    const { report, target } = await fileReport(deps, me.account, {
      targetAccountId: accountId,
      statusIds: params.array("status_ids"),
      comment: params.string("comment"),
      category: params.string("category"),
      ruleIds: params.array("rule_ids"),
      forward: params.boolean("forward") ?? false,
    });
    return json(reportJson(report, target, deps.config.origin));
  },
});
