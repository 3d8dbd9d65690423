/**
 * /api/v1/push/subscription — Web Push is not offered yet; answer as Mastodon does with none,
 * after Mastodon's checks: a user's token with the `push` scope (the web UI's page token has
 * none: its islands don't subscribe).
 */
import { define } from "../../../../utils.ts";
import type { Deps } from "../../../../lib/deps.ts";
import { ApiError } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";

const none = async (ctx: { req: Request; state: { deps: Deps } }) => {
  await requireCaller(ctx.state.deps, ctx.req, "push");
  throw new ApiError(404, "Record not found");
};

export const handler = define.handlers({
  GET: none,
  PUT: none,
  DELETE: none,
  POST: none,
});
