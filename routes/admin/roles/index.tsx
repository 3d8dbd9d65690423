import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import {
  listRoles,
  permissionNames,
  type Role,
} from "../../../lib/moderation/mod.ts";
import { messages } from "../../../lib/web/pages.ts";

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

export default define.page<typeof handler>(function Roles({ data, state }) {
  const { admin } = messages({ state });
  const t = admin.roles;
  const named = (bits: number) =>
    permissionNames(bits).map((p) => admin.permissionNames[p]).join(", ");
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <p>
        <a href="/admin/roles/new">{t.create}</a>
        {" · "}
        <a href={`/admin/roles/${data.everyone.id}`}>{t.everyone}</a>{" "}
        ({named(data.everyone.permissions) || t.nothing})
      </p>
      <table class="admin-table">
        <thead>
          <tr>
            <th>{t.role}</th>
            <th>{t.position}</th>
            <th>{t.users}</th>
            <th>{t.permissions}</th>
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
              <td>{named(role.permissions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
