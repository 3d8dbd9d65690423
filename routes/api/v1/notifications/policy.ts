/** GET/PUT /api/v1/notifications/policy — the v1 (boolean) view of the notification policy. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import {
  changeNotificationPolicyV1,
  getNotificationPolicy,
  V1_FIELDS,
} from "../../../../lib/domain/notification-policy.ts";
import { notificationPolicyV1Json } from "../../../../lib/mastodon/entities/notification-policy.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    return json(
      notificationPolicyV1Json(
        await getNotificationPolicy(deps.sql, me.account.id),
      ),
    );
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:notifications");
    const params = await Params.from(ctx.req, ctx.url);
    const input = Object.fromEntries(
      Object.keys(V1_FIELDS).map((name) => [name, params.boolean(name)]),
    );
    return json(
      notificationPolicyV1Json(
        await changeNotificationPolicyV1(deps.sql, me.account.id, input),
      ),
    );
  },
});
