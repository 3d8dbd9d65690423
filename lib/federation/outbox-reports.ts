/**
 * Forwarding a report to the reported account's own server: a `Flag` naming the account and the
 * reported statuses of that server, with the comment. It comes from our instance actor, not the
 * reporter, as Mastodon does, so the reporter stays anonymous to the other server.
 */
import { Flag } from "@fedify/vocab";
import { findAccountById } from "../db/accounts.ts";
import { findStatusesByIds } from "../db/statuses.ts";
import { findReport } from "../domain/reports.ts";
import { type OutboxContext as Ctx, recipientOf } from "./outbox-audience.ts";
import { INSTANCE_ACTOR } from "./names.ts";

export async function sendReport(ctx: Ctx, reportId: string): Promise<void> {
  const { sql } = ctx.data;
  const report = await findReport(sql, reportId);
  if (!report?.forwarded) return;
  const target = await findAccountById(sql, report.target_account_id);
  const recipient = target && recipientOf(target);
  if (!target || !recipient) return;
  const statuses = await findStatusesByIds(sql, report.status_ids);
  const actor = ctx.getActorUri(INSTANCE_ACTOR);
  await ctx.sendActivity(
    { identifier: INSTANCE_ACTOR },
    recipient,
    new Flag({
      id: new URL(`${actor.href}#reports/${report.id}`),
      actor,
      objects: [
        new URL(target.uri!),
        ...statuses.flatMap((s) => s.uri ? [new URL(s.uri)] : []),
      ],
      content: report.comment,
    }),
  );
}
