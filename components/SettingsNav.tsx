/** The tabs above the settings pages. */
export function SettingsNav({ current }: { current: string }) {
  const link = (href: string, label: string) => (
    <a href={href} aria-current={current === href ? "page" : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="settings-nav" aria-label="Settings">
      {link("/settings/profile", "Profile")}
      {link("/settings/preferences", "Posting")}
      {link("/settings/email", "E-mail")}
      {link("/settings/password", "Password")}
      {link("/settings/two_factor", "Two-factor")}
      {link("/settings/authorized_applications", "Apps")}
      {link("/follow_requests", "Follow requests")}
      {link("/invites", "Invites")}
      {link("/settings/mutes", "Muted")}
      {link("/settings/blocks", "Blocked")}
      {link("/settings/domain_blocks", "Blocked domains")}
      {link("/settings/followed_tags", "Followed hashtags")}
      {link("/settings/import", "Import")}
      {link("/settings/export", "Export")}
      {link("/settings/aliases", "Account aliases")}
      {link("/settings/migration", "Move to another account")}
      {link("/settings/delete", "Delete account")}
      {link("/settings/archive", "Archive")}
    </nav>
  );
}
