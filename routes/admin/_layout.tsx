import { define } from "../../utils.ts";
import { AdminNav } from "../../components/AdminNav.tsx";
import { can } from "../../lib/moderation/mod.ts";

/** Every /admin page: a heading and the moderation tabs the moderator's role allows. */
export default define.layout(({ Component, state, url }) => {
  const moderator = state.moderator ?? null;
  const links: [string, string][] = [];
  if (can(moderator, "view_dashboard")) links.push(["/admin", "Dashboard"]);
  if (can(moderator, "manage_reports")) {
    links.push(["/admin/reports", "Reports"]);
  }
  if (can(moderator, "manage_users")) {
    links.push(["/admin/accounts", "Accounts"]);
  }
  if (can(moderator, "manage_user_access")) {
    links.push(["/admin/accounts/pending", "Pending"]);
  }
  if (can(moderator, "manage_appeals")) {
    links.push(["/admin/appeals", "Appeals"]);
  }
  if (can(moderator, "manage_taxonomies")) {
    links.push(["/admin/trends", "Trends"]);
    links.push(["/admin/tags", "Hashtags"]);
    links.push(["/admin/follow_recommendations", "Recommendations"]);
  }
  if (can(moderator, "manage_federation")) {
    links.push(["/admin/domain_blocks", "Domain blocks"]);
    links.push(["/admin/domain_allows", "Allowed domains"]);
    links.push(["/admin/domain_subscriptions", "Blocklists"]);
  }
  if (can(moderator, "manage_roles")) links.push(["/admin/roles", "Roles"]);
  if (can(moderator, "manage_settings")) {
    links.push(["/admin/warning_presets", "Warning presets"]);
    links.push(["/admin/settings", "Server settings"]);
  }
  if (can(moderator, "manage_rules")) links.push(["/admin/rules", "Rules"]);
  if (can(moderator, "manage_announcements")) {
    links.push(["/admin/announcements", "Announcements"]);
  }
  if (can(moderator, "manage_custom_emojis")) {
    links.push(["/admin/custom_emojis", "Custom emoji"]);
  }
  if (can(moderator, "view_audit_log")) {
    links.push(["/admin/audit_log", "Audit log"]);
  }
  if (can(moderator, "manage_blocks")) {
    links.push(["/admin/email_domain_blocks", "E-mail domain blocks"]);
    links.push(["/admin/canonical_email_blocks", "E-mail address blocks"]);
    links.push(["/admin/ip_blocks", "IP blocks"]);
  }
  if (can(moderator, "manage_settings")) {
    links.push(["/admin/spam_limits", "Spam limits"]);
  }
  if (can(moderator, "manage_invites")) {
    links.push(["/admin/invites", "Invites"]);
  }
  return (
    <div class="admin">
      <p class="admin-title">
        Moderation{moderator?.role.name ? ` · ${moderator.role.name}` : ""}
      </p>
      <AdminNav current={url.pathname} links={links} />
      <Component />
    </div>
  );
});
