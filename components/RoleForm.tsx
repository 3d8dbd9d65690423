/** A role's fields, for the new and edit pages (/admin/roles); "everyone" shows permissions only. */
import {
  type Permission,
  PERMISSION_FLAGS,
  type RoleInput,
} from "../lib/moderation/mod.ts";

export interface RoleFormValues {
  name: string;
  color: string;
  position: number;
  permissions: number;
  highlighted: boolean;
}

const PERMISSION_LABELS: Record<Permission, string> = {
  administrator: "Administrator (every permission)",
  view_devops: "View devops",
  view_audit_log: "View the audit log",
  view_dashboard: "View the dashboard",
  manage_reports: "Manage reports",
  manage_federation: "Manage federation",
  manage_settings: "Manage settings",
  manage_blocks: "Manage e-mail and IP blocks",
  manage_taxonomies: "Manage hashtags and trends",
  manage_appeals: "Manage appeals",
  manage_users: "Manage users",
  manage_invites: "Manage invites",
  manage_rules: "Manage rules",
  manage_announcements: "Manage announcements",
  manage_custom_emojis: "Manage custom emoji",
  manage_webhooks: "Manage webhooks",
  invite_users: "Invite users",
  manage_roles: "Manage roles",
  manage_user_access: "Manage user access",
  delete_user_data: "Delete user data",
};

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
  { action, csrf, values, everyone, submit, error }: {
    action: string;
    csrf: string;
    values: RoleFormValues;
    everyone: boolean;
    submit: string;
    error: string | null;
  },
) {
  return (
    <form method="post" action={action} class="card">
      <input type="hidden" name="_csrf" value={csrf} />
      {error && <p class="error" role="alert">{error}</p>}
      {!everyone && (
        <>
          <label>
            Name
            <input name="name" required maxLength={100} value={values.name} />
          </label>
          <label>
            Colour (#rrggbb, optional)
            <input
              name="color"
              value={values.color}
              pattern="#[0-9a-fA-F]{6}"
            />
          </label>
          <label>
            Position (higher ranks above; below your own role's)
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
            Show the role as a badge on profiles
          </label>
        </>
      )}
      <fieldset>
        <legend>Permissions</legend>
        {(Object.keys(PERMISSION_FLAGS) as Permission[]).map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              name="permissions"
              value={name}
              checked={(values.permissions & PERMISSION_FLAGS[name]) !== 0}
            />{" "}
            {PERMISSION_LABELS[name]}
          </label>
        ))}
      </fieldset>
      <button type="submit">{submit}</button>
    </form>
  );
}
