/**
 * What every web page needs around the domain: who is looking, the context for status cards,
 * rendering status rows with the API's own entity builder (one batch loader for both), and
 * paging links. No SQL here: rows come from lib/domain.
 */
import type { Context } from "fresh";
import type { State } from "../../utils.ts";
import type { StatusRow } from "../db/statuses.ts";
import type { AccountRow } from "../db/accounts.ts";
import { renderStatuses } from "../mastodon/entities/status.ts";
import { accountJson } from "../mastodon/entities/account.ts";
import { type PageQuery, pageQuery } from "../mastodon/pagination.ts";
import type { StatusContext } from "../../components/StatusCard.tsx";
import type { UiAccount, UiStatus } from "../../components/mastodon.ts";
import type { FilterContext } from "../domain/filters.ts";
import type { Role } from "../moderation/mod.ts";
import type { CustomEmoji } from "../mastodon/entities/types.ts";
import { DEFAULT_LOCALE, type Messages, messagesFor } from "../i18n/mod.ts";

export type PageContext = Context<State>;

/** The path + query of this page: where no-JavaScript forms come back to. */
export function here(url: URL): string {
  return url.pathname + url.search;
}

/**
 * This request's strings (lib/i18n), chosen in lib/web/app.ts from the user's setting or the
 * browser's Accept-Language. Pages call this once; components get the section they need as a prop.
 */
export function messages(ctx: { state: State }): Messages {
  return ctx.state.t ?? messagesFor(ctx.state.locale ?? DEFAULT_LOCALE);
}

export function statusContext(ctx: PageContext): StatusContext {
  return {
    signedIn: ctx.state.session !== null,
    csrf: ctx.state.csrfToken,
    returnTo: here(ctx.url),
    accountId: ctx.state.session?.account.id ?? null,
    labels: ctx.state.t?.status,
    locale: ctx.state.locale,
    poll: ctx.state.t?.poll,
    feed: ctx.state.t?.feed,
  };
}

/** A redirect to sign in that comes back here afterwards. */
export function signInFirst(ctx: PageContext): Response {
  return ctx.redirect(
    `/auth/sign_in?return_to=${encodeURIComponent(here(ctx.url))}`,
  );
}

export function viewerId(ctx: PageContext): string | null {
  return ctx.state.session?.account.id ?? null;
}

/** Status rows → the Status entities the API would answer with, for this viewer. */
export async function uiStatuses(
  ctx: PageContext,
  rows: StatusRow[],
  filterContext?: FilterContext,
): Promise<UiStatus[]> {
  const { deps } = ctx.state;
  return await renderStatuses({
    sql: deps.sql,
    origin: deps.config.origin,
    viewerId: viewerId(ctx),
    filterContext,
    mediaUrl: (key) => deps.media.url(key),
  }, rows);
}

/** `role`: the account's role, where the page shows its badge (profiles). */
export function uiAccount(
  ctx: PageContext,
  account: AccountRow,
  role?: Role | null,
  emojis?: CustomEmoji[],
): UiAccount {
  return accountJson(account, ctx.state.deps.config.origin, role, emojis);
}

/** Twenty per page, older pages by `max_id`, as the API pages. */
export function webPage(url: URL): PageQuery {
  return pageQuery(url, { limit: 20, max: 40 });
}

/** The "Older posts" link: this URL with `max_id` of the last item (null at the end). */
export function olderLink(
  url: URL,
  items: { id: string }[],
  limit: number,
  cursor: (item: { id: string }) => string = (item) => item.id,
): string | null {
  if (items.length < limit) return null;
  const next = new URL(url);
  next.searchParams.delete("min_id");
  next.searchParams.delete("since_id");
  next.searchParams.set("max_id", cursor(items[items.length - 1]));
  return next.pathname + next.search;
}

/** The "Newer posts" link when this page is not the first. */
export function newerLink(url: URL): string | null {
  if (!url.searchParams.has("max_id")) return null;
  return url.pathname;
}
