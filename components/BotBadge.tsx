/** Marks an automated account (Mastodon's `bot`), wherever an account's name is shown. */
export function BotBadge() {
  return <span class="chip bot-badge" title="Automated account">Bot</span>;
}
