/**
 * /api/v1/push/subscription — the caller's token's Web Push subscription (Mastodon's push API):
 * POST makes it (replacing the token's previous one), GET shows it, PUT changes its alerts and
 * policy, DELETE removes it. Every method needs a user token with the `push` scope.
 */
import { define } from "../../../../utils.ts";
import type { Deps } from "../../../../lib/deps.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { bearerToken } from "../../../../lib/mastodon/auth.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import {
  newSubscriptionParams,
  pushDataParams,
} from "../../../../lib/mastodon/push-params.ts";
import { webPushSubscriptionJson } from "../../../../lib/mastodon/entities/web-push-subscription.ts";
import {
  changeSubscription,
  currentSubscription,
  type PushSubscriptionRow,
  subscribe,
  unsubscribe,
} from "../../../../lib/push/mod.ts";

async function caller(deps: Deps, req: Request) {
  const me = await requireCaller(deps, req, "push");
  return {
    tokenId: me.tokenId,
    accountId: me.account.id,
    accessToken: bearerToken(req)!,
  };
}

const render = (deps: Deps, row: PushSubscriptionRow) =>
  json(webPushSubscriptionJson(row, deps.vapid.publicKey));

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req);
    const params = await Params.from(ctx.req, ctx.url);
    return render(
      deps,
      await subscribe(deps, me, newSubscriptionParams(params)),
    );
  },
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req);
    return render(deps, await currentSubscription(deps.sql, me.tokenId));
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req);
    const params = await Params.from(ctx.req, ctx.url);
    return render(
      deps,
      await changeSubscription(deps.sql, me.tokenId, pushDataParams(params)),
    );
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req);
    await unsubscribe(deps.sql, me.tokenId);
    return json({});
  },
});
