/** Remote interaction in the web UI: what each intent is called, and the pages' URLs. */
import type { Intent } from "../federation/interaction-intents.ts";
import type { AccountRow } from "../db/accounts.ts";
import type { InteractMessages } from "../i18n/en/interact.ts";

export type { Intent };

/** Each intent's page title, by its name in the `interact` catalogue section. */
export const INTENT_TITLES = {
  follow: "followAccount",
  reply: "replyToPost",
  reblog: "boostPost",
  favourite: "favouritePost",
} as const satisfies Record<Intent, keyof InteractMessages>;

export function isIntent(value: string | null): value is Intent {
  return value !== null && Object.hasOwn(INTENT_TITLES, value);
}

/** The page of an account here: `/@alice` or `/@bob@remote.example`. */
export function accountPath(account: Pick<AccountRow, "username" | "domain">) {
  return account.domain
    ? `/@${account.username}@${account.domain}`
    : `/@${account.username}`;
}
