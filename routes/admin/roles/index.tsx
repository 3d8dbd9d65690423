import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import {
  listRoles,
  permissionNames,
  type Role,
} from "../../../lib/moderation/mod.ts";

interface Data {
  roles: (Role & { users: number })[];
  everyone: Role;
}

/** /admin/roles — the roles, highest first, and what everyone holds (`manage_roles`). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page(await listRoles(deps.sql, moderator ?? null));
  },
});

export default define.page<typeof handler>(function Roles({ data }) {
  return (
    <>
      <PageHead title="Moderation · Roles" />
      <h1>Roles</h1>
      <p>
        <a href="/admin/roles/new">Create a role</a>
        {" · "}
        <a href={`/admin/roles/${data.everyone.id}`}>
          What every user may do
        </a>{" "}
        ({permissionNames(data.everyone.permissions).join(", ") || "nothing"})
      </p>
      <table class="admin-table">
        <thead>
          <tr>
            <th>Role</th>
            <th>Position</th>
            <th>Users</th>
            <th>Permissions</th>
          </tr>
        </thead>
        <tbody>
          {data.roles.map((role) => (
            <tr key={role.id}>
              <td>
                <a href={`/admin/roles/${role.id}`}>{role.name}</a>
              </td>
              <td>{role.position}</td>
              <td>{role.users}</td>
              <td>{permissionNames(role.permissions).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
