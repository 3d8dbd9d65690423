import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  deleteRole,
  getRole,
  type Role,
} from "../../../../lib/moderation/mod.ts";

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
  return (
    <>
      <PageHead title={`Moderation · Delete ${role.name}`} />
      <h1>Delete the role {role.name}?</h1>
      <p>Its users keep their accounts and hold no role after.</p>
      <form method="post" action={`/admin/roles/${role.id}/delete`}>
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <button type="submit">Delete {role.name}</button>{" "}
        <a href={`/admin/roles/${role.id}`}>Cancel</a>
      </form>
    </>
  );
});
