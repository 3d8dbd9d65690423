/** GET/PATCH /api/v2/notifications/policy — the caller's stored accept/filter/drop choices. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import {
  changeNotificationPolicy,
  getNotificationPolicy,
  POLICY_FIELDS,
} from "../../../../lib/domain/notification-policy.ts";
import { notificationPolicyJson } from "../../../../lib/mastodon/entities/notification-policy.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    return json(
      notificationPolicyJson(
        await getNotificationPolicy(deps.sql, me.account.id),
      ),
    );
  },
  async PATCH(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:notifications");
    const params = await Params.from(ctx.req, ctx.url);
    const input = Object.fromEntries(
      POLICY_FIELDS.map((field) => [field, params.string(field)]),
    );
    return json(
      notificationPolicyJson(
        await changeNotificationPolicy(deps.sql, me.account.id, input),
      ),
    );
  },
});
