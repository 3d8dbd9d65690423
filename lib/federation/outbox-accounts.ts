/**
 * Outgoing activities about our accounts themselves: a profile change (Update of the actor) and
 * a deletion (Delete of the actor), both to the followers' shared inboxes.
 */
import { Delete, Update } from "@fedify/vocab";
import { findAccountById } from "../db/accounts.ts";
import { actorFromAccount } from "./to-ap.ts";
import { emojiRowsOfAccount } from "../emoji/mod.ts";
import {
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
  const actor = actorFromAccount(
    ctx,
    account,
    keys,
    await emojiRowsOfAccount(ctx.data.sql, account),
  );
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
 * A local account is about to be deleted: Delete(Person) to its followers' shared inboxes.
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
  await ctx.sendActivity(
    { identifier: account.username },
    "followers",
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
