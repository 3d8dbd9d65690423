/**
 * POST /api/v1/accounts — sign-up through an app token (returns the new user's Token; with
 * approval required the token exists but works only after approval). GET — several accounts
 * by `id[]`.
 */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { ApiError, json } from "../../../../lib/mastodon/errors.ts";
import {
  authenticateRequest,
  requireScope,
} from "../../../../lib/mastodon/auth.ts";
import { accountsJson } from "../../../../lib/mastodon/account-api.ts";
import { tokenJson } from "../../../../lib/mastodon/oauth.ts";
import { DomainError } from "../../../../lib/domain/errors.ts";
import { findAccounts } from "../../../../lib/domain/profiles.ts";
import { registerThroughApp } from "../../../../lib/domain/registration.ts";
import { clientAddress } from "../../../../lib/web/client-ip.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const ids = (await Params.from(ctx.req, ctx.url)).array("id");
    const { deps } = ctx.state;
    return json(await accountsJson(deps, await findAccounts(deps.sql, ids)));
  },

  async POST(ctx) {
    const { deps } = ctx.state;
    const auth = requireScope(
      await authenticateRequest(deps, ctx.req),
      "write:accounts",
    );
    if (!auth.applicationId) {
      throw new ApiError(403, "This action is not allowed");
    }
    const params = await Params.from(ctx.req, ctx.url);
    try {
      const issued = await registerThroughApp(
        deps,
        auth.applicationId,
        auth.scopes.join(" "),
        {
          username: params.string("username") ?? "",
          email: params.string("email") ?? "",
          password: params.string("password") ?? "",
          agreement: params.boolean("agreement") ?? false,
          locale: params.string("locale"),
          reason: params.string("reason") ?? null,
          inviteCode: params.string("invite_code") || null,
          dateOfBirth: params.string("date_of_birth") ?? null,
          ip: clientAddress(ctx.req, ctx.info, deps.config.trustedProxies),
        },
      );
      return json(tokenJson(issued.accessToken, issued.row));
    } catch (error) {
      if (error instanceof DomainError && error.kind === "validation") {
        return json(validationErrorJson(error), { status: 422 });
      }
      throw error;
    }
  },
});

/** Mastodon's ValidationError: apps show `details` next to each sign-up field. */
function validationErrorJson(error: DomainError) {
  const description = error.message;
  const code = /taken/i.test(description)
    ? "ERR_TAKEN"
    : /blank/i.test(description)
    ? "ERR_BLANK"
    : /too long/i.test(description)
    ? "ERR_TOO_LONG"
    : /too short/i.test(description)
    ? "ERR_TOO_SHORT"
    : /reserved/i.test(description)
    ? "ERR_RESERVED"
    : /disallowed/i.test(description)
    ? "ERR_BLOCKED"
    : /below the age limit/i.test(description)
    ? "ERR_BELOW_LIMIT"
    : /accepted/i.test(description)
    ? "ERR_ACCEPTED"
    : "ERR_INVALID";
  return {
    error: `Validation failed: ${description}`,
    details: { [error.field ?? "base"]: [{ error: code, description }] },
  };
}
