import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import {
  InviteTable,
  type InviteView,
} from "../../../components/InviteTable.tsx";
import { inviteView } from "../../../lib/web/invites.ts";
import { allInvites } from "../../../lib/moderation/mod.ts";
import { messages } from "../../../lib/web/pages.ts";

interface Data {
  invites: InviteView[];
}

/** /admin/invites — every invite link on the server (`manage_invites`), each expirable. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const invites = await allInvites(deps.sql, moderator ?? null);
    return page({
      invites: invites.map((i) => inviteView(i, deps.config.origin)),
    });
  },
});

export default define.page<typeof handler>(function AdminInvites(
  { data, state },
) {
  const { admin, adminModeration, invites } = messages({ state });
  const t = adminModeration.invites;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <InviteTable
        labels={invites.table}
        locale={state.locale ?? "en"}
        invites={data.invites}
        showInviter
        expire={(invite) => (
          <a href={`/admin/invites/${invite.id}/expire`}>{t.expire}</a>
        )}
      />
    </>
  );
});
