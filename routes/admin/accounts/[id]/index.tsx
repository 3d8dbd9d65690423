import { HttpError, page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import {
  StatusCard,
  type StatusContext,
} from "../../../../components/StatusCard.tsx";
import { formatDateTime } from "../../../../components/format.ts";
import { AccountActionForm } from "../../../../components/AccountActionForm.tsx";
import type { UiStatus } from "../../../../components/mastodon.ts";
import { field } from "../../../../lib/web/forms.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  messages,
  statusContext,
  uiStatuses,
} from "../../../../lib/web/pages.ts";
import {
  ACCOUNT_ACTION_TYPES,
  type AccountActionType,
  can,
  canActOn,
  EVERYONE_ROLE_ID,
  listRoles,
  listWarningPresets,
  moderatedAccountCase,
  purgeDateOf,
  takeAccountAction,
  type WarningPresetRow,
} from "../../../../lib/moderation/mod.ts";

/** Actions that need the confirmation box ticked (they lock the user out or hide them). */
const DESTRUCTIVE: AccountActionType[] = ["suspend", "disable"];

interface Data {
  id: string;
  handle: string;
  local: boolean;
  email: string | null;
  role: string | null;
  roleId: string | null;
  /** The roles the moderator may give (below their own), when they may manage roles. */
  assignable: { id: string; name: string }[] | null;
  createdAt: string;
  flags: { suspended: boolean; silenced: boolean; sensitized: boolean };
  disabled: boolean;
  /** When the suspension's grace period ends and the daily job deletes the data. */
  purgeOn: string | null;
  pending: boolean;
  ips: string[];
  /** The reason given at sign-up ("why do you want to join?"). */
  reason: string | null;
  invitedBy: { accountId: string; username: string } | null;
  reportId: string;
  statuses: UiStatus[];
  context: StatusContext;
  warnings: { id: string; action: string; text: string; at: string }[];
  presets: WarningPresetRow[];
}

/**
 * /admin/accounts/:id — the account as moderators see it, its latest posts and warnings, and
 * the action form (POST here; suspend and disable need the confirmation box). The lifting
 * buttons post to /admin/accounts/:id/<action>.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const c = await moderatedAccountCase(
      deps.sql,
      moderator ?? null,
      ctx.params.id,
    );
    const { account, user, role } = c.view;
    return page({
      id: account.id,
      handle: account.domain
        ? `@${account.username}@${account.domain}`
        : `@${account.username}`,
      local: account.domain === null,
      email: user
        ? `${user.email}${
          user.confirmed_at
            ? ""
            : messages(ctx).adminModeration.account.notConfirmed
        }`
        : null,
      role: role?.name || null,
      roleId: role && role.id !== EVERYONE_ROLE_ID ? role.id : null,
      assignable: user && can(moderator ?? null, "manage_roles") &&
          canActOn(moderator ?? null, role ?? null)
        ? (await listRoles(deps.sql, moderator ?? null)).roles
          .filter((r) => canActOn(moderator ?? null, r))
          .map((r) => ({ id: r.id, name: r.name }))
        : null,
      createdAt: account.created_at.toISOString(),
      flags: {
        suspended: account.suspended_at !== null,
        silenced: account.silenced_at !== null,
        sensitized: account.sensitized_at !== null,
      },
      disabled: user?.disabled ?? false,
      purgeOn: account.suspended_at &&
          account.suspension_origin !== "remote"
        ? purgeDateOf(account.suspended_at).toISOString()
        : null,
      pending: user !== null && !user.approved,
      ips: c.view.addresses.map((a) => a.ip),
      reason: user?.registration_reason ?? null,
      invitedBy: c.view.invitedBy,
      reportId: ctx.url.searchParams.get("report_id") ?? "",
      statuses: await uiStatuses(ctx, c.statuses),
      context: statusContext(ctx),
      presets: await listWarningPresets(deps.sql, moderator ?? null),
      warnings: c.warnings.map((w) => ({
        id: w.id,
        action: w.action,
        text: w.text,
        at: w.created_at.toISOString(),
      })),
    });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const type = ACCOUNT_ACTION_TYPES.find((t) => t === field(form, "type"));
    if (type && DESTRUCTIVE.includes(type) && field(form, "confirm") !== "1") {
      throw new HttpError(
        422,
        messages(ctx).adminModeration.account.confirmFirst(type),
      );
    }
    await takeAccountAction(deps, moderator ?? null, ctx.params.id, {
      type: type ?? ("" as AccountActionType),
      text: field(form, "text"),
      reportId: field(form, "report_id") || undefined,
      sendEmail: field(form, "send_email_notification") === "1",
      warningPresetId: field(form, "warning_preset_id") || undefined,
      blockEmail: field(form, "block_email") === "1",
    });
    return ctx.redirect(`/admin/accounts/${ctx.params.id}`, 303);
  },
});

function Button(
  { id, action, label, csrf }: {
    id: string;
    action: string;
    label: string;
    csrf: string;
  },
) {
  return (
    <form method="post" action={`/admin/accounts/${id}/${action}`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <button type="submit" class="small">{label}</button>
    </form>
  );
}

export default define.page<typeof handler>(function AdminAccount(props) {
  const { data, state } = props;
  const csrf = state.csrfToken;
  const { admin, adminModeration } = messages(props);
  const t = adminModeration.account;
  const b = (action: string, label: string) => (
    <Button id={data.id} action={action} label={label} csrf={csrf} />
  );
  const states = [
    data.flags.suspended && t.suspended,
    data.flags.silenced && t.limited,
    data.flags.sensitized && t.sensitized,
    data.disabled && t.disabled,
    data.pending && t.pending,
  ].filter(Boolean);
  return (
    <>
      <PageHead title={`${admin.moderation} · ${data.handle}`} />
      <h1>{data.handle}</h1>
      <section class="card">
        <dl>
          {data.email && (
            <>
              <dt>{t.email}</dt>
              <dd>{data.email}</dd>
            </>
          )}
          {data.role && (
            <>
              <dt>{t.role}</dt>
              <dd>{data.role}</dd>
            </>
          )}
          <dt>{t.joined}</dt>
          <dd>{formatDateTime(data.createdAt, state.locale ?? "en")}</dd>
          {data.invitedBy && (
            <>
              <dt>{t.invitedBy}</dt>
              <dd class="invited-by">
                <a href={`/admin/accounts/${data.invitedBy.accountId}`}>
                  @{data.invitedBy.username}
                </a>
              </dd>
            </>
          )}
          {data.reason && (
            <>
              <dt>{t.reason}</dt>
              <dd>{data.reason}</dd>
            </>
          )}
          <dt>{t.state}</dt>
          <dd class="account-state">
            {states.length ? states.join(", ") : t.active}
          </dd>
          {data.purgeOn && (
            <>
              <dt>{t.dataDeleted}</dt>
              <dd>
                {t.purgeOn(formatDateTime(data.purgeOn, state.locale ?? "en"))}
              </dd>
            </>
          )}
          {data.ips.length > 0 && (
            <>
              <dt>{t.addresses}</dt>
              <dd>{data.ips.join(", ")}</dd>
            </>
          )}
        </dl>
        <div class="report-actions">
          {data.pending && b("approve", admin.approve)}
          {data.pending && b("reject", admin.reject)}
          {data.flags.suspended && b("unsuspend", t.unsuspend)}
          {data.flags.silenced && b("unsilence", t.unsilence)}
          {data.flags.sensitized && b("unsensitive", t.unsensitive)}
          {data.disabled && b("enable", t.enable)}
          {data.flags.suspended && b("delete", t.deleteNow)}
        </div>
      </section>
      {data.assignable && (
        <section class="card">
          <h2>{t.role}</h2>
          <form method="post" action={`/admin/accounts/${data.id}/role`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <label>
              {t.role}
              <select name="role_id">
                <option value="" selected={!data.roleId}>{t.noRole}</option>
                {data.assignable.map((r) => (
                  <option
                    key={r.id}
                    value={r.id}
                    selected={r.id === data.roleId}
                  >
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">{t.changeRole}</button>
          </form>
        </section>
      )}
      <AccountActionForm
        accountId={data.id}
        csrf={csrf}
        reportId={data.reportId}
        local={data.local}
        presets={data.presets}
        labels={adminModeration.actionForm}
      />
      <section class="card">
        <h2>{t.warnings}</h2>
        {data.warnings.length === 0 && <p class="empty">{t.none}</p>}
        <ul class="stack account-warnings">
          {data.warnings.map((w) => (
            <li key={w.id}>
              <time datetime={w.at}>
                {formatDateTime(w.at, state.locale ?? "en")}
              </time>{" "}
              {adminModeration.warningActions[w.action] ?? w.action}
              {w.text && `: ${w.text}`}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t.latestPosts}</h2>
        {data.statuses.length === 0 && <p class="empty">{t.noPosts}</p>}
        {data.statuses.map((s) => (
          <StatusCard key={s.id} status={s} context={data.context} />
        ))}
      </section>
    </>
  );
});
