/**
 * Outgoing activities about our accounts themselves: a profile change (Update of the actor) and
 * a move (Move, then the Update carrying `movedTo`) to the followers' shared inboxes, and a
 * deletion (Delete of the actor) to every server we know.
 */
import { Delete, Move, Update } from "@fedify/vocab";
import { findAccountById } from "../db/accounts.ts";
import { accountUri, localActor } from "./to-ap.ts";
import {
  knownPeerRecipients,
  type OutboxContext as Ctx,
  PUBLIC_COLLECTION,
} from "./outbox-audience.ts";

/** A local profile changed: Update(Person) with the whole actor. */
export async function sendProfileUpdate(
  ctx: Ctx,
  accountId: string,
): Promise<void> {
  const account = await findAccountById(ctx.data.sql, accountId);
  if (!account || account.domain !== null) return;
  const keys = await ctx.getActorKeyPairs(account.username);
  const actor = await localActor(ctx, account, keys);
  await ctx.sendActivity(
    { identifier: account.username },
    "followers",
    new Update({
      id: new URL(`${actor.id!.href}#updates/${Date.now()}`),
      actor: actor.id,
      object: actor,
      tos: [PUBLIC_COLLECTION],
    }),
    {
      preferSharedInbox: true,
      excludeBaseUris: [new URL(ctx.data.config.origin)],
    },
  );
}

/**
 * A local account is about to be deleted: Delete(Person) to every server we know (its
 * followers' among them), one delivery per shared inbox.
 * Called while the account, its keys and its follows still exist (`account.deleting`); Fedify
 * puts the signing keys and the inbox list into the queued message, so the delivery goes out
 * after the rows are gone — and from the server's worker when the admin CLI enqueued it.
 */
export async function sendAccountDeletion(
  ctx: Ctx,
  accountId: string,
): Promise<void> {
  const account = await findAccountById(ctx.data.sql, accountId);
  if (!account || account.domain !== null) return;
  const actor = ctx.getActorUri(account.username);
  const recipients = await knownPeerRecipients(ctx.data);
  if (recipients.length === 0) return;
  await ctx.sendActivity(
    { identifier: account.username },
    recipients,
    new Delete({
      id: new URL(`${actor.href}#delete`),
      actor,
      object: actor,
      tos: [PUBLIC_COLLECTION],
    }),
    {
      preferSharedInbox: true,
      excludeBaseUris: [new URL(ctx.data.config.origin)],
    },
  );
}

/**
 * A local account moved: its followers' servers get Move(actor=old, object=old, target=new)
 * (Mastodon's shape), and the Update that shows `movedTo` on the actor.
 */
export async function sendMove(
  ctx: Ctx,
  accountId: string,
  targetAccountId: string,
): Promise<void> {
  const [account, target] = await Promise.all([
    findAccountById(ctx.data.sql, accountId),
    findAccountById(ctx.data.sql, targetAccountId),
  ]);
  if (!account || account.domain !== null || !target) return;
  const actor = ctx.getActorUri(account.username);
  await ctx.sendActivity(
    { identifier: account.username },
    "followers",
    new Move({
      id: new URL(`${actor.href}#moves/${target.id}`),
      actor,
      object: actor,
      target: accountUri(ctx, target),
      tos: [ctx.getFollowersUri(account.username)],
    }),
    {
      preferSharedInbox: true,
      excludeBaseUris: [new URL(ctx.data.config.origin)],
    },
  );
  await sendProfileUpdate(ctx, accountId);
}
