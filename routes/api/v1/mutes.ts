/** GET /api/v1/mutes — accounts the caller mutes (unexpired), with `mute_expires_at`. */
import { define } from "../../../utils.ts";
import { pageQuery } from "../../../lib/mastodon/pagination.ts";
import {
  accountPageResponse,
  caller,
} from "../../../lib/mastodon/account-api.ts";
import { listRelated, mutesOf } from "../../../lib/domain/relationships.ts";
import type { MutedAccount } from "../../../lib/mastodon/entities/types.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:mutes");
    const rows = await listRelated(
      deps,
      "mutes",
      me.account.id,
      pageQuery(ctx.url),
    );
    const mutes = await mutesOf(deps, me.account.id, rows.map((row) => row.id));
    const expiry = new Map(
      mutes.map((m) => [m.target_account_id, m.expires_at]),
    );
    return accountPageResponse(
      deps,
      ctx.url,
      rows,
      (row, account): MutedAccount => ({
        ...account,
        mute_expires_at: expiry.get(row.id)?.toISOString() ?? null,
      }),
    );
  },
});
