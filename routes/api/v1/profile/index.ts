/**
 * GET /api/v1/profile — the caller's profile with the values they typed (Mastodon 4.6);
 * PATCH edits it with update_credentials' profile parameters and answers the Profile. PUT does
 * the same, as Rails routes it in Mastodon (masto.js sends PUT).
 */
import type { Context } from "fresh";
import { define, type State } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { refuseOversizeBody } from "../../../../lib/mastodon/media-api.ts";
import { caller } from "../../../../lib/mastodon/account-api.ts";
import {
  PROFILE_BODY_LIMIT,
  profileUpdateFrom,
} from "../../../../lib/mastodon/profile-params.ts";
import { profileJson } from "../../../../lib/mastodon/entities/profile.ts";
import { updateProfile } from "../../../../lib/domain/profiles.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "profile", "read:accounts");
    return json(profileJson(me.account, deps.config.origin));
  },
  PATCH: update,
  PUT: update,
});

async function update(ctx: Context<State>): Promise<Response> {
  const { deps } = ctx.state;
  const me = await caller(deps, ctx.req, "write:accounts");
  refuseOversizeBody(ctx.req, PROFILE_BODY_LIMIT);
  const params = await Params.from(ctx.req, ctx.url);
  const { account } = await updateProfile(
    deps,
    me,
    await profileUpdateFrom(deps, params),
  );
  return json(profileJson(account, deps.config.origin));
}
