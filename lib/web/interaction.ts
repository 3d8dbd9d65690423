/** Remote interaction in the web UI: what each intent is called, and the pages' URLs. */
import type { Intent } from "../federation/interaction-intents.ts";
import type { AccountRow } from "../db/accounts.ts";

export type { Intent };

export const INTENT_LABELS: Record<Intent, string> = {
  follow: "Follow",
  reply: "Reply to",
  reblog: "Boost",
  favourite: "Favourite",
};

export function isIntent(value: string | null): value is Intent {
  return value !== null && value in INTENT_LABELS;
}

/** The page of an account here: `/@alice` or `/@bob@remote.example`. */
export function accountPath(account: Pick<AccountRow, "username" | "domain">) {
  return account.domain
    ? `/@${account.username}@${account.domain}`
    : `/@${account.username}`;
}
