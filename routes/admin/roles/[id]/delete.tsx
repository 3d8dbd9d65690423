import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  deleteRole,
  getRole,
  type Role,
} from "../../../../lib/moderation/mod.ts";
import { messages } from "../../../../lib/web/pages.ts";

interface Data {
  role: Role;
}

/** /admin/roles/:id/delete — asks first (GET), then deletes the role (POST). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page({
      role: await getRole(deps.sql, moderator ?? null, ctx.params.id),
    });
  },
  async POST(ctx) {
    await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await deleteRole(deps.sql, moderator ?? null, ctx.params.id);
    return ctx.redirect("/admin/roles", 303);
  },
});

export default define.page<typeof handler>(function DeleteRole(
  { data, state },
) {
  const { role } = data;
  const { admin } = messages({ state });
  const t = admin.roles;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.deleteTitle(role.name)}`} />
      <h1>{t.deleteQuestion(role.name)}</h1>
      <p>{t.deleteDetail}</p>
      <form method="post" action={`/admin/roles/${role.id}/delete`}>
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <button type="submit">{t.deleteButton(role.name)}</button>{" "}
        <a href={`/admin/roles/${role.id}`}>{admin.cancel}</a>
      </form>
    </>
  );
});
