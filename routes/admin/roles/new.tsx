import { formError } from "../../../lib/web/form-errors.ts";
import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { messages } from "../../../lib/web/pages.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import {
  RoleForm,
  type RoleFormValues,
  roleInputOf,
} from "../../../components/RoleForm.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { can, createRole } from "../../../lib/moderation/mod.ts";

interface Data {
  values: RoleFormValues;
  error: string | null;
}

const EMPTY: RoleFormValues = {
  name: "",
  color: "",
  position: 0,
  permissions: 0,
  highlighted: false,
};

/** /admin/roles/new — create a role; a refusal shows the form again with why. */
export const handler = define.handlers<Data>({
  GET(ctx) {
    if (!can(ctx.state.moderator ?? null, "manage_roles")) {
      throw new HttpError(403, messages(ctx).admin.forbidden);
    }
    return page({ values: EMPTY, error: null });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const input = roleInputOf(form, false);
    try {
      await createRole(deps.sql, moderator ?? null, input);
    } catch (error) {
      if (error instanceof DomainError && error.kind === "validation") {
        return page({
          values: { ...EMPTY, ...input } as RoleFormValues,
          error: formError(messages(ctx), error),
        }, { status: 422 });
      }
      throw error;
    }
    return ctx.redirect("/admin/roles", 303);
  },
});

export default define.page<typeof handler>(function NewRole({ data, state }) {
  const { admin } = messages({ state });
  return (
    <>
      <PageHead title={`${admin.moderation} · ${admin.roles.newTitle}`} />
      <h1>{admin.roles.newTitle}</h1>
      <RoleForm
        action="/admin/roles/new"
        csrf={state.csrfToken}
        values={data.values}
        everyone={false}
        submit={admin.roles.createButton}
        labels={admin}
        error={data.error}
      />
    </>
  );
});
