/**
 * Outgoing activities, triggered by domain events (`deps.effects`): what our users did becomes
 * Create/Update/Delete/Announce/Like/Follow/Undo/Accept/Reject/Block/Add/Remove/Flag, queued by
 * Fedify for the right inboxes. Remote-originated events (`local: false`, remote actors) are
 * ignored: we only ever speak for our own accounts. The activities themselves are built in
 * `outbox-statuses.ts`, `outbox-relationships.ts`, `outbox-accounts.ts` and `outbox-reports.ts`.
 */
import type { Deps } from "../deps.ts";
import type { DomainEvent } from "../domain/effects.ts";
import type { OutboxContext } from "./outbox-audience.ts";
import {
  sendFavourite,
  sendPin,
  sendPollVote,
  sendStatusChange,
  sendStatusDeletion,
} from "./outbox-statuses.ts";
import {
  sendBlock,
  sendFollow,
  sendFollowDecision,
  sendUnfollow,
} from "./outbox-relationships.ts";
import {
  sendAccountDeletion,
  sendMove,
  sendProfileUpdate,
} from "./outbox-accounts.ts";
import { sendReport } from "./outbox-reports.ts";

/** Translates one domain event into deliveries (subscribed by `lazy.ts`). */
export async function deliverEvent(
  deps: Deps,
  event: DomainEvent,
): Promise<void> {
  const federation = await deps.federation();
  await deliver(
    federation.createContext(new URL(deps.config.origin), deps),
    event,
  );
}

async function deliver(ctx: OutboxContext, event: DomainEvent): Promise<void> {
  switch (event.type) {
    case "status.created":
    case "status.updated":
      if (!event.local) return;
      return await sendStatusChange(
        ctx,
        event.statusId,
        event.type === "status.created" ? "create" : "update",
      );
    case "status.deleted":
      if (!event.local) return;
      return await sendStatusDeletion(ctx, event);
    case "status.pinned":
    case "status.unpinned":
      return await sendPin(ctx, event, event.type === "status.pinned");
    case "favourite.created":
    case "favourite.undone":
      return await sendFavourite(ctx, event, event.type === "favourite.undone");
    case "follow.requested":
      return await sendFollow(ctx, event);
    case "follow.undone":
      return await sendUnfollow(ctx, event);
    case "follow.accepted":
    case "follow.rejected":
      return await sendFollowDecision(
        ctx,
        event,
        event.type === "follow.accepted",
      );
    case "block.created":
    case "block.undone":
      return await sendBlock(ctx, event, event.type === "block.undone");
    case "poll.voted":
      return await sendPollVote(ctx, event);
    case "account.updated":
      return await sendProfileUpdate(ctx, event.accountId);
    case "account.moved":
      return await sendMove(ctx, event.accountId, event.targetAccountId);
    case "account.deleting":
      return await sendAccountDeletion(ctx, event.accountId);
    case "report.created":
      if (!event.forward) return;
      return await sendReport(ctx, event.reportId);
  }
}
