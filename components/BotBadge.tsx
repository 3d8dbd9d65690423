/** Marks an automated account (Mastodon's `bot`), wherever an account's name is shown. */
export function BotBadge(
  { label = "Bot", title = "Automated account" }: {
    /** `messages(ctx).profile.bot` and `.botTitle`; English when not given. */
    label?: string;
    title?: string;
  },
) {
  return <span class="chip bot-badge" title={title}>{label}</span>;
}
