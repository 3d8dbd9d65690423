import type { SettingsMessages } from "../lib/i18n/en/settings.ts";

/** The tabs above the settings pages; `labels` is the catalogue's `settings.nav`. */
export function SettingsNav(
  { current, labels }: { current: string; labels: SettingsMessages["nav"] },
) {
  const link = (href: string, label: string) => (
    <a href={href} aria-current={current === href ? "page" : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="settings-nav" aria-label={labels.label}>
      {link("/settings/profile", labels.profile)}
      {link("/settings/preferences", labels.preferences)}
      {link("/settings/email", labels.email)}
      {link("/settings/password", labels.password)}
      {link("/settings/two_factor", labels.twoFactor)}
      {link("/settings/authorized_applications", labels.apps)}
      {link("/follow_requests", labels.followRequests)}
      {link("/invites", labels.invites)}
      {link("/settings/mutes", labels.mutes)}
      {link("/settings/blocks", labels.blocks)}
      {link("/settings/domain_blocks", labels.domainBlocks)}
      {link("/settings/followed_tags", labels.followedTags)}
      {link("/settings/import", labels.import)}
      {link("/settings/export", labels.export)}
      {link("/settings/aliases", labels.aliases)}
      {link("/settings/migration", labels.migration)}
      {link("/settings/delete", labels.delete)}
      {link("/settings/archive", labels.archive)}
    </nav>
  );
}
