/** A role's fields, for the new and edit pages (/admin/roles); "everyone" shows permissions only. */
import {
  type Permission,
  PERMISSION_FLAGS,
  type RoleInput,
} from "../lib/moderation/mod.ts";
import type { AdminMessages } from "../lib/i18n/en/admin.ts";

export interface RoleFormValues {
  name: string;
  color: string;
  position: number;
  permissions: number;
  highlighted: boolean;
}

/** The form's fields as a role input (a missing checkbox is a permission not held). */
export function roleInputOf(form: FormData, everyone: boolean): RoleInput {
  const permissions = form.getAll("permissions").reduce<number>(
    (bits, name) => bits | (PERMISSION_FLAGS[String(name) as Permission] ?? 0),
    0,
  );
  if (everyone) return { permissions };
  const position = Number(form.get("position"));
  return {
    name: String(form.get("name") ?? ""),
    color: String(form.get("color") ?? ""),
    position: Number.isFinite(position) ? position : -1,
    highlighted: form.get("highlighted") === "true",
    permissions,
  };
}

export function RoleForm(
  { action, csrf, values, everyone, submit, error, labels }: {
    action: string;
    csrf: string;
    values: RoleFormValues;
    everyone: boolean;
    submit: string;
    error: string | null;
    labels: Pick<AdminMessages, "roles" | "permissionNames">;
  },
) {
  const t = labels.roles;
  return (
    <form method="post" action={action} class="card">
      <input type="hidden" name="_csrf" value={csrf} />
      {error && <p class="error" role="alert">{error}</p>}
      {!everyone && (
        <>
          <label>
            {t.name}
            <input name="name" required maxLength={100} value={values.name} />
          </label>
          <label>
            {t.color}
            <input
              name="color"
              value={values.color}
              pattern="#[0-9a-fA-F]{6}"
            />
          </label>
          <label>
            {t.positionHint}
            <input
              type="number"
              name="position"
              min={0}
              value={values.position}
            />
          </label>
          <label>
            <input
              type="checkbox"
              name="highlighted"
              value="true"
              checked={values.highlighted}
            />{" "}
            {t.highlighted}
          </label>
        </>
      )}
      <fieldset>
        <legend>{t.permissions}</legend>
        {(Object.keys(PERMISSION_FLAGS) as Permission[]).map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              name="permissions"
              value={name}
              checked={(values.permissions & PERMISSION_FLAGS[name]) !== 0}
            />{" "}
            {labels.permissionNames[name]}
          </label>
        ))}
      </fieldset>
      <button type="submit">{submit}</button>
    </form>
  );
}
