/** The Suggestion entity: an account and why it is suggested (`sources`, and 4.2's `source`). */
import type { SuggestionRow } from "../../domain/suggestions.ts";
import { accountJson } from "./account.ts";

/** Mastodon's deprecated single `source`, from the first of `sources`. */
const LEGACY_SOURCE = {
  featured: "staff",
  friends_of_friends: "past_interactions",
  most_followed: "global",
} as const;

export function suggestionJson(row: SuggestionRow, origin: string) {
  const { sources, ...account } = row;
  return {
    source: LEGACY_SOURCE[sources[0]],
    sources,
    account: accountJson(account, origin),
  };
}
