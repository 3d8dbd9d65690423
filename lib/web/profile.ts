/** Loading what the profile pages share: the account, and how the viewer relates to it. */
import { HttpError } from "fresh";
import { lookupAccount } from "../domain/profiles.ts";
import { DomainError } from "../domain/errors.ts";
import { relationship } from "../domain/relationships.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById } from "../db/accounts.ts";
import type { PageContext } from "./pages.ts";
import { messages, uiAccount } from "./pages.ts";
import { roleOfAccount } from "../moderation/mod.ts";
import { emojisOfAccount } from "../emoji/mod.ts";
import type { UiAccount, UiRelationship } from "../../components/mastodon.ts";
import { type PageHeadData, profileHead } from "./head.ts";

export interface ProfileData {
  account: UiAccount;
  /** Null when signed out or looking at oneself. */
  relationship: UiRelationship | null;
  isSelf: boolean;
  /** The account lives on another server; `remoteUrl` is its page there. */
  remote: boolean;
  remoteUrl: string | null;
  /** The account it moved to (Mastodon's "has moved to" banner), when it did. */
  movedTo: { acct: string; name: string } | null;
}

/**
 * `alice`, `bob@known.example`, or a remote account we have never seen: for a signed-in viewer
 * that one is looked up on its own server (WebFinger, then the actor) and stored. Anonymous
 * visitors can't make this server fetch things, so they get a 404 that says why.
 */
async function findOrResolveAccount(ctx: PageContext): Promise<AccountRow> {
  const { deps, session } = ctx.state;
  const acct = ctx.params.username;
  try {
    return await lookupAccount(deps.sql, acct, deps.config.host);
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== "not_found") {
      throw error;
    }
    const handle = /^([^@\s/]+)@([^@\s/]+)$/.exec(acct);
    if (
      !handle || handle[2].toLowerCase() === deps.config.host.toLowerCase()
    ) {
      throw error;
    }
    if (!session) {
      throw new HttpError(404, messages(ctx).profile.notKnownHere(acct));
    }
    const resolved = await deps.resolveRemote(`@${acct}`).catch(() => null);
    const account = resolved?.account;
    if (!account || account.suspended_at) {
      throw new HttpError(404, messages(ctx).profile.notFound(acct));
    }
    return account;
  }
}

export async function loadProfile(
  ctx: PageContext,
): Promise<{ row: AccountRow; profile: ProfileData }> {
  const { deps, session } = ctx.state;
  const row = await findOrResolveAccount(ctx);
  const isSelf = session?.account.id === row.id;
  const rel = session && !isSelf
    ? await relationship(deps, session.account, row.id)
    : null;
  const moved = row.moved_to_account_id
    ? await findAccountById(deps.sql, row.moved_to_account_id)
    : null;
  return {
    row,
    profile: {
      account: uiAccount(
        ctx,
        row,
        await roleOfAccount(deps.sql, row.id),
        await emojisOfAccount(deps.sql, (key) => deps.media.url(key), row),
      ),
      relationship: rel
        ? {
          id: rel.id,
          following: rel.following,
          followed_by: rel.followed_by,
          requested: rel.requested,
          blocking: rel.blocking,
          blocked_by: rel.blocked_by,
          muting: rel.muting,
        }
        : null,
      isSelf,
      remote: row.domain !== null,
      remoteUrl: row.domain !== null ? row.url ?? row.uri : null,
      movedTo: moved
        ? {
          acct: moved.domain
            ? `${moved.username}@${moved.domain}`
            : moved.username,
          name: moved.display_name || moved.username,
        }
        : null,
    },
  };
}

import { page } from "fresh";
import { accountStatuses } from "../domain/timelines.ts";
import type { StatusContext } from "../../components/StatusCard.tsx";
import type { UiStatus } from "../../components/mastodon.ts";
import {
  newerLink,
  olderLink,
  statusContext,
  uiStatuses,
  viewerId,
  webPage,
} from "./pages.ts";
import type { ProfileTab } from "../../components/ProfileHeader.tsx";

export interface ProfileStatusesData {
  profile: ProfileData;
  head: PageHeadData;
  tab: ProfileTab;
  /** `/@user/tagged/:tag`: only the posts with this hashtag (a featured tag's link). */
  tagged: string | null;
  statuses: UiStatus[];
  context: StatusContext;
  older: string | null;
  newer: string | null;
}

const TAB_OPTIONS = {
  posts: { excludeReplies: true },
  with_replies: {},
  media: { onlyMedia: true },
} as const;

/** The profile's title and preview; a tab other than the posts adds its name. */
function headOf(
  ctx: PageContext,
  profile: ProfileData,
  tab: ProfileTab,
  tagged: string | null = null,
): PageHeadData {
  const { host, origin } = ctx.state.deps.config;
  if (tab === "posts" && !tagged) return profileHead(profile.account, host);
  const t = messages(ctx).profile;
  const tabNames: Record<ProfileTab, string> = {
    posts: t.tabPosts,
    with_replies: t.tabWithReplies,
    media: t.tabMedia,
    followers: t.tabFollowers,
    following: t.tabFollowing,
  };
  return profileHead(profile.account, host, {
    name: tagged ? `#${tagged}` : tabNames[tab],
    url: origin + ctx.url.pathname,
  });
}

/** The GET handler of a profile's posts tab (`tagged`: of its posts with one hashtag). */
export function profileStatusesHandler(
  tab: keyof typeof TAB_OPTIONS,
  tagged: (ctx: PageContext) => string | null = () => null,
) {
  return async (ctx: PageContext) => {
    const { row, profile } = await loadProfile(ctx);
    const query = webPage(ctx.url);
    const tag = tagged(ctx);
    // A blocked account's posts stay out of sight, as in Mastodon's web UI.
    const rows = profile.relationship?.blocking ? [] : await accountStatuses(
      ctx.state.deps.sql,
      viewerId(ctx),
      row.id,
      tag ? { ...TAB_OPTIONS[tab], tagged: tag } : TAB_OPTIONS[tab],
      query,
    );
    return page<ProfileStatusesData>({
      profile,
      head: headOf(ctx, profile, tab, tag),
      tab,
      tagged: tag,
      statuses: await uiStatuses(ctx, rows, "account"),
      context: statusContext(ctx),
      older: olderLink(ctx.url, rows, query.limit),
      newer: newerLink(ctx.url),
    });
  };
}

import { listNetwork, relationships } from "../domain/relationships.ts";

export interface AccountListData {
  profile: ProfileData;
  head: PageHeadData;
  tab: "followers" | "following";
  accounts: { account: UiAccount; relationship: UiRelationship | null }[];
  older: string | null;
  newer: string | null;
  returnTo: string;
  signedIn: boolean;
}

/** Rows of accounts with the viewer's relationship to each (one query for all). */
export async function withRelationships(
  ctx: PageContext,
  rows: AccountRow[],
): Promise<{ account: UiAccount; relationship: UiRelationship | null }[]> {
  const { deps, session } = ctx.state;
  const rels = session
    ? await relationships(deps, session.account, rows.map((r) => r.id))
    : [];
  const byId = new Map(rels.map((r) => [r.id, r]));
  return rows.map((row) => {
    const rel = session && row.id !== session.account.id
      ? byId.get(row.id)
      : undefined;
    return {
      account: uiAccount(ctx, row),
      relationship: rel
        ? {
          id: rel.id,
          following: rel.following,
          followed_by: rel.followed_by,
          requested: rel.requested,
        }
        : null,
    };
  });
}

/** The GET handler of a profile's followers or following list. */
export function accountListHandler(tab: "followers" | "following") {
  return async (ctx: PageContext) => {
    const { row, profile } = await loadProfile(ctx);
    const query = webPage(ctx.url);
    const rows = await listNetwork(
      ctx.state.deps,
      tab,
      row,
      ctx.state.session?.account ?? null,
      query,
    );
    return page<AccountListData>({
      profile,
      head: headOf(ctx, profile, tab),
      tab,
      accounts: await withRelationships(ctx, rows),
      older: olderLink(
        ctx.url,
        rows.map((r) => ({ id: r.page_id })),
        query.limit,
      ),
      newer: newerLink(ctx.url),
      returnTo: ctx.url.pathname + ctx.url.search,
      signedIn: ctx.state.session !== null,
    });
  };
}
