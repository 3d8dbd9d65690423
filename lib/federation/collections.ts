/**
 * A local account's collections: outbox (its public posts and boosts, as activities),
 * followers (paged for readers; every remote inbox at once for delivery), following, and
 * featured (pinned statuses).
 */
import type { Context, FederationBuilder } from "@fedify/fedify";
import type { Object as APObject } from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import {
  countFollows,
  findLocalAccountByUsername,
  relationshipPage,
} from "../db/federation.ts";
import {
  countOutbox,
  outboxPage,
  pinnedPublicStatuses,
  type StatusRow,
} from "../db/statuses.ts";
import {
  accountUri,
  announceActivity,
  createActivity,
  noteFromStatus,
  statusUri,
} from "./to-ap.ts";
import { type LoadedNotes, loadNotes } from "./note-parts.ts";
import { remoteFollowerRecipients } from "./outbox-audience.ts";

const PAGE_SIZE = 20;

/** Registers the outbox, followers, following and featured dispatchers on `builder`. */
export function registerCollections(builder: FederationBuilder<Deps>): void {
  builder
    .setOutboxDispatcher(
      "/users/{identifier}/outbox",
      async (ctx, identifier, cursor) => {
        const author = await findLocalAccountByUsername(
          ctx.data.sql,
          identifier,
        );
        // A suspended author's posts are gone from view, here too.
        if (!author || author.suspended_at || cursor == null) return null;
        const rows = await outboxPage(ctx.data.sql, author.id, {
          beforeId: cursor || undefined,
          limit: PAGE_SIZE,
        });
        const notes = await loadNotes(ctx, rows);
        return {
          items: rows.flatMap((row) => {
            const item = outboxItem(ctx, row, author, notes);
            return item ? [item] : [];
          }),
          nextCursor: rows.length === PAGE_SIZE
            ? rows[rows.length - 1].id
            : null,
        };
      },
    )
    .setFirstCursor(() => "")
    .setCounter(async (ctx, identifier) => {
      const author = await findLocalAccountByUsername(ctx.data.sql, identifier);
      return author ? await countOutbox(ctx.data.sql, author.id) : null;
    });

  builder
    .setFollowersDispatcher(
      "/users/{identifier}/followers",
      async (ctx, identifier, cursor, filter) => {
        const account = await findLocalAccountByUsername(
          ctx.data.sql,
          identifier,
        );
        if (!account) return null;
        if (cursor == null) {
          // One-shot, for delivery: every remote follower's inbox (optionally one origin's).
          const items = await remoteFollowerRecipients(ctx.data, account.id);
          return {
            items: filter
              ? items.filter((r) => r.id?.origin === filter.origin)
              : items,
          };
        }
        return await relationshipCollectionPage(
          ctx,
          account,
          "followers",
          cursor,
        );
      },
    )
    .setFirstCursor(() => "")
    .setCounter(async (ctx, identifier) => {
      const account = await findLocalAccountByUsername(
        ctx.data.sql,
        identifier,
      );
      return account
        ? await countFollows(ctx.data.sql, account.id, "followers")
        : null;
    });

  builder
    .setFollowingDispatcher(
      "/users/{identifier}/following",
      async (ctx, identifier, cursor) => {
        const account = await findLocalAccountByUsername(
          ctx.data.sql,
          identifier,
        );
        if (!account || cursor == null) return null;
        const page = await relationshipCollectionPage(
          ctx,
          account,
          "following",
          cursor,
        );
        return {
          items: page.items.map((r) => r.id!),
          nextCursor: page.nextCursor,
        };
      },
    )
    .setFirstCursor(() => "")
    .setCounter(async (ctx, identifier) => {
      const account = await findLocalAccountByUsername(
        ctx.data.sql,
        identifier,
      );
      return account
        ? await countFollows(ctx.data.sql, account.id, "following")
        : null;
    });

  builder.setFeaturedDispatcher(
    "/users/{identifier}/collections/featured",
    async (ctx, id) => {
      const account = await findLocalAccountByUsername(ctx.data.sql, id);
      if (!account) return null;
      const statuses = await pinnedPublicStatuses(ctx.data.sql, account.id);
      const { parts } = await loadNotes(ctx, statuses);
      // A status deleted since the page was read has no parts: left out.
      const items: APObject[] = statuses.flatMap((status) => {
        const loaded = parts.get(status.id);
        return loaded ? [noteFromStatus(ctx, status, account, loaded)] : [];
      });
      return { items };
    },
  );
}

/** A post as its `Create`, a boost as its `Announce`; null for a post deleted meanwhile. */
export function outboxItem(
  ctx: Context<Deps>,
  row: StatusRow,
  author: AccountRow,
  { bundle, parts }: LoadedNotes,
) {
  if (row.reblog_of_id) {
    const original = bundle.statuses.get(row.reblog_of_id);
    const originalAuthor = original && bundle.accounts.get(original.account_id);
    if (original && originalAuthor) {
      return announceActivity(
        ctx,
        author,
        row,
        statusUri(ctx, original, originalAuthor),
        accountUri(ctx, originalAuthor),
      );
    }
  }
  const loaded = parts.get(row.id);
  if (!loaded) return null;
  const note = noteFromStatus(ctx, row, author, loaded);
  return createActivity(note, ctx.getActorUri(author.username));
}

async function relationshipCollectionPage(
  ctx: Context<Deps>,
  account: { id: string; hide_collections: boolean },
  direction: "followers" | "following",
  cursor: string,
) {
  // Hidden lists (hide_collections) show their size only, as Mastodon's do.
  if (account.hide_collections) return { items: [], nextCursor: null };
  const rows = await relationshipPage(ctx.data.sql, account.id, direction, {
    beforeId: cursor || undefined,
    limit: 40,
  });
  return {
    items: rows.map((row) => ({
      id: accountUri(ctx, row),
      inboxId: null,
    })),
    nextCursor: rows.length === 40 ? rows[rows.length - 1].id : null,
  };
}
