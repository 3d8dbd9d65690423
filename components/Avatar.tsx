import type { UiAccount } from "./mastodon.ts";
import { displayName } from "./format.ts";

/** An avatar image, or the first letter on a coloured disc when the account has none. */
export function Avatar(
  { account, size = 46 }: { account: UiAccount; size?: number },
) {
  const name = displayName(account);
  const hasImage = account.avatar && !account.avatar.includes("/missing");
  if (hasImage) {
    return (
      <img
        class="avatar"
        src={account.avatar}
        alt=""
        width={size}
        height={size}
        loading="lazy"
      />
    );
  }
  const hue = [...account.acct].reduce(
    (h, c) => (h * 31 + c.charCodeAt(0)) % 360,
    7,
  );
  return (
    <span
      class={`avatar avatar-letter hue-${Math.floor(hue / 30)}`}
      data-size={size > 60 ? "large" : "normal"}
      aria-hidden="true"
    >
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
