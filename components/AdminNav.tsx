/** The tabs above the moderation pages: only those the moderator may use. */
export function AdminNav(
  { current, links, label }: {
    current: string;
    links: [string, string][];
    /** The navigation's name for screen readers. */
    label: string;
  },
) {
  return (
    <nav class="settings-nav admin-nav" aria-label={label}>
      {links.map(([href, label]) => (
        <a
          key={href}
          href={href}
          aria-current={current === href ||
              (href !== "/admin" && current.startsWith(href))
            ? "page"
            : undefined}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
