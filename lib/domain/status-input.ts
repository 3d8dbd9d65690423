/**
 * What a local author may post: the limits, their checks on the API input (text, media, poll,
 * visibility) and the rendering of local text to HTML. Used by posting (`statuses.ts`) and
 * editing (`status-changes.ts`).
 */
import type { Sql } from "../db/client.ts";
import * as db from "../db/statuses.ts";
import { unusableTagNames } from "../db/admin-tags.ts";
import {
  countStatusLength,
  extractHashtags,
  extractMentions,
  formatStatus,
} from "../text/compose.ts";
import { invalid } from "./errors.ts";
import { VISIBILITIES, type Visibility } from "./visibility.ts";

export const MAX_STATUS_LENGTH = 500;
export const MAX_MEDIA = 4;
export const POLL_LIMITS = {
  maxOptions: 4,
  maxOptionLength: 50,
  minExpiration: 300,
  maxExpiration: 2629746,
};

export interface PollInput {
  options: string[];
  multiple?: boolean;
  hideTotals?: boolean;
  /** Local polls: seconds from now. */
  expiresIn?: number;
  /** Remote polls: the end time as published. */
  expiresAt?: Date | null;
  votesCounts?: number[];
  votersCount?: number;
}

/** Checks a new status: not blank, within the length, media and poll limits. */
export function validateStatusBody(
  text: string,
  spoiler: string,
  mediaIds: string[],
  poll: PollInput | null,
): void {
  if (!text.trim() && mediaIds.length === 0 && !poll) {
    throw invalid("Text can't be blank", "status");
  }
  if (
    countStatusLength(text) + countStatusLength(spoiler) > MAX_STATUS_LENGTH
  ) {
    throw invalid(
      `Text is too long (maximum is ${MAX_STATUS_LENGTH} characters)`,
      "status",
    );
  }
  if (mediaIds.length > MAX_MEDIA) {
    throw invalid("Too many media attachments", "media_ids");
  }
  if (poll && mediaIds.length) {
    throw invalid("Cannot attach both media and a poll", "poll");
  }
  if (poll) validatePoll(poll);
}

export function validatePoll(poll: PollInput): void {
  const options = poll.options.map((o) => o.trim());
  if (options.length < 2) {
    throw invalid("Poll must have at least 2 options", "poll");
  }
  if (options.length > POLL_LIMITS.maxOptions) {
    throw invalid(
      `Poll can't have more than ${POLL_LIMITS.maxOptions} options`,
      "poll",
    );
  }
  if (options.some((o) => !o || [...o].length > POLL_LIMITS.maxOptionLength)) {
    throw invalid("Poll options must be 1 to 50 characters", "poll");
  }
  if (new Set(options).size !== options.length) {
    throw invalid("Poll options must be unique");
  }
  const expiresIn = poll.expiresIn ?? 86400;
  if (
    expiresIn < POLL_LIMITS.minExpiration ||
    expiresIn > POLL_LIMITS.maxExpiration
  ) {
    throw invalid("Poll duration is out of range", "poll");
  }
  poll.options = options;
  poll.expiresIn = expiresIn;
}

export function parseVisibility(
  value: string | undefined,
  fallback: string,
): Visibility {
  const chosen = value ?? fallback;
  if (!(VISIBILITIES as readonly string[]).includes(chosen)) {
    throw invalid("Visibility is not included in the list", "visibility");
  }
  return chosen as Visibility;
}

/** Local text → HTML, resolving mentions (local and known remote) in one query. */
export async function renderText(
  deps: { sql: Sql; config: { origin: string; host: string } },
  text: string,
) {
  const handles = extractMentions(text).map((m) => ({
    username: m.username,
    domain: m.domain && m.domain !== deps.config.host.toLowerCase()
      ? m.domain
      : null,
  }));
  const found = await db.findAccountsByHandles(deps.sql, handles);
  const unusable = new Set(
    await unusableTagNames(deps.sql, extractHashtags(text)),
  );
  const byHandle = new Map(
    found.map((
      a,
    ) => [`${a.username.toLowerCase()}@${a.domain?.toLowerCase() ?? ""}`, a]),
  );
  const origin = deps.config.origin;
  const formatted = formatStatus(text, {
    resolveMention(username, domain) {
      const local = !domain || domain === deps.config.host.toLowerCase();
      const account = byHandle.get(
        `${username.toLowerCase()}@${local ? "" : domain}`,
      );
      if (!account) return null;
      return {
        id: account.id,
        url: account.domain
          ? account.url ?? ""
          : `${origin}/@${account.username}`,
      };
    },
    tagUrl: (name) =>
      unusable.has(name) ? null : `${origin}/tags/${encodeURIComponent(name)}`,
  });
  return {
    html: formatted.html,
    mentionIds: [...new Set(formatted.mentions.map((m) => m.id))],
    tags: formatted.tags,
  };
}
