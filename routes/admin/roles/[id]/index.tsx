import { formError } from "../../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import {
  RoleForm,
  type RoleFormValues,
  roleInputOf,
} from "../../../../components/RoleForm.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import { DomainError } from "../../../../lib/domain/errors.ts";
import {
  EVERYONE_ROLE_ID,
  getRole,
  type Role,
  updateRole,
} from "../../../../lib/moderation/mod.ts";
import { messages } from "../../../../lib/web/pages.ts";

interface Data {
  role: Role;
  values: RoleFormValues;
  error: string | null;
}

/** /admin/roles/:id — edit a role (or what everyone may do); a refusal says why. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const role = await getRole(deps.sql, moderator ?? null, ctx.params.id);
    return page({ role, values: role, error: null });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const role = await getRole(deps.sql, moderator ?? null, ctx.params.id);
    const input = roleInputOf(form, role.id === EVERYONE_ROLE_ID);
    try {
      await updateRole(deps.sql, moderator ?? null, role.id, input);
    } catch (error) {
      if (error instanceof DomainError && error.kind === "validation") {
        return page({
          role,
          values: { ...role, ...input },
          error: formError(messages(ctx), error),
        }, { status: 422 });
      }
      throw error;
    }
    return ctx.redirect("/admin/roles", 303);
  },
});

export default define.page<typeof handler>(function EditRole(
  { data, state },
) {
  const { role } = data;
  const everyone = role.id === EVERYONE_ROLE_ID;
  const { admin } = messages({ state });
  const t = admin.roles;
  return (
    <>
      <PageHead
        title={`${admin.moderation} · ${
          everyone ? t.everyoneShort : role.name
        }`}
      />
      <h1>{everyone ? t.everyone : t.editTitle(role.name)}</h1>
      <RoleForm
        action={`/admin/roles/${role.id}`}
        csrf={state.csrfToken}
        values={data.values}
        everyone={everyone}
        submit={admin.save}
        labels={admin}
        error={data.error}
      />
      {!everyone && (
        <p>
          <a href={`/admin/roles/${role.id}/delete`}>{t.deleteLink}</a>
        </p>
      )}
    </>
  );
});
