import { define } from "../../utils.ts";
import { AdminNav } from "../../components/AdminNav.tsx";
import { can } from "../../lib/moderation/mod.ts";
import { messages } from "../../lib/web/pages.ts";

/** Every /admin page: a heading and the moderation tabs the moderator's role allows. */
export default define.layout(({ Component, state, url }) => {
  const moderator = state.moderator ?? null;
  const t = messages({ state }).admin;
  const n = t.nav;
  const links: [string, string][] = [];
  if (can(moderator, "view_dashboard")) links.push(["/admin", n.dashboard]);
  if (can(moderator, "manage_reports")) {
    links.push(["/admin/reports", n.reports]);
  }
  if (can(moderator, "manage_users")) {
    links.push(["/admin/accounts", n.accounts]);
  }
  if (can(moderator, "manage_user_access")) {
    links.push(["/admin/accounts/pending", n.pending]);
  }
  if (can(moderator, "manage_appeals")) {
    links.push(["/admin/appeals", n.appeals]);
  }
  if (can(moderator, "manage_taxonomies")) {
    links.push(["/admin/trends", n.trends]);
    links.push(["/admin/tags", n.hashtags]);
    links.push(["/admin/follow_recommendations", n.recommendations]);
  }
  if (can(moderator, "manage_federation")) {
    links.push(["/admin/domain_blocks", n.domainBlocks]);
    links.push(["/admin/domain_allows", n.domainAllows]);
    links.push(["/admin/domain_subscriptions", n.blocklists]);
  }
  if (can(moderator, "manage_roles")) links.push(["/admin/roles", n.roles]);
  if (can(moderator, "manage_settings")) {
    links.push(["/admin/warning_presets", n.warningPresets]);
    links.push(["/admin/settings", n.settings]);
  }
  if (can(moderator, "manage_rules")) links.push(["/admin/rules", n.rules]);
  if (can(moderator, "manage_announcements")) {
    links.push(["/admin/announcements", n.announcements]);
  }
  if (can(moderator, "manage_custom_emojis")) {
    links.push(["/admin/custom_emojis", n.customEmojis]);
  }
  if (can(moderator, "view_audit_log")) {
    links.push(["/admin/audit_log", n.auditLog]);
  }
  if (can(moderator, "manage_blocks")) {
    links.push(["/admin/email_domain_blocks", n.emailDomainBlocks]);
    links.push(["/admin/canonical_email_blocks", n.emailAddressBlocks]);
    links.push(["/admin/ip_blocks", n.ipBlocks]);
  }
  if (can(moderator, "manage_settings")) {
    links.push(["/admin/spam_limits", n.spamLimits]);
  }
  if (can(moderator, "manage_invites")) {
    links.push(["/admin/invites", n.invites]);
  }
  return (
    <div class="admin">
      <p class="admin-title">
        {t.moderation}
        {moderator?.role.name ? ` · ${moderator.role.name}` : ""}
      </p>
      <AdminNav current={url.pathname} links={links} label={t.navLabel} />
      <Component />
    </div>
  );
});
