/**
 * GET /api/v2/admin/accounts — accounts as moderators see them (`manage_users`): `origin`
 * (local, remote), `status` (active, pending, disabled, silenced, suspended),
 * `permissions=staff`, `role_ids[]`, `username` (prefix), `display_name`, `by_domain`, `email`
 * (part of it), `ip` (an address its browser sessions came from).
 */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { linkHeader } from "../../../../lib/mastodon/pagination.ts";
import { page } from "../../../../lib/mastodon/status-api.ts";
import {
  READ_ACCOUNTS,
  requireStaffCaller,
} from "../../../../lib/mastodon/admin-api.ts";
import { adminAccountJson } from "../../../../lib/mastodon/entities/admin-account.ts";
import {
  type AccountFilter,
  listModeratedAccounts,
} from "../../../../lib/moderation/mod.ts";

function oneOf<T extends string>(value: string | null, options: T[]) {
  return options.find((o) => o === value);
}

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_ACCOUNTS);
    const query = ctx.url.searchParams;
    const filter: AccountFilter = {
      origin: oneOf(query.get("origin"), ["local", "remote"]),
      status: oneOf(query.get("status"), [
        "active",
        "pending",
        "disabled",
        "silenced",
        "suspended",
      ]),
      staff: query.get("permissions") === "staff",
      username: query.get("username") || undefined,
      byDomain: query.get("by_domain") || undefined,
      displayName: query.get("display_name") || undefined,
      email: query.get("email") || undefined,
      ip: query.get("ip") || undefined,
      roleIds: query.getAll("role_ids[]"),
    };
    const views = await listModeratedAccounts(
      deps.sql,
      actor,
      filter,
      page(ctx.url, { limit: 100, max: 200 }),
    );
    const link = linkHeader(
      deps.config.origin,
      ctx.url,
      views,
      (v) => v.account.id,
    );
    return json(views.map((v) => adminAccountJson(v, deps.config.origin)), {
      headers: link ? { link } : {},
    });
  },
});
