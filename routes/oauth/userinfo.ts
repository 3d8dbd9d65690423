/** GET/POST /oauth/userinfo — OIDC claims about the token's user (Mastodon 4.4). */
import { define } from "../../utils.ts";
import type { Context } from "fresh";
import type { State } from "../../utils.ts";
import { errorResponse, json } from "../../lib/mastodon/errors.ts";
import { caller } from "../../lib/mastodon/account-api.ts";
import { accountJson } from "../../lib/mastodon/entities/account.ts";

async function userinfo(ctx: Context<State>): Promise<Response> {
  try {
    const { account } = await caller(
      ctx.state.deps,
      ctx.req,
      "profile",
      "read:accounts",
    );
    const { origin } = ctx.state.deps.config;
    const rendered = accountJson(account, origin);
    return json({
      iss: `${origin}/`,
      sub: rendered.uri,
      name: rendered.display_name || rendered.username,
      preferred_username: rendered.username,
      profile: rendered.url,
      picture: rendered.avatar,
    });
  } catch (error) {
    return errorResponse(error);
  }
}

export const handler = define.handlers({ GET: userinfo, POST: userinfo });
