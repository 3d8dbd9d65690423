/**
 * The `status.fetch_card` job: after a local post is written or edited (its domain event), the
 * card for its first link is found (a card fetched in the last two weeks is reused) or made,
 * and shown on the status; streams then get a `status.update` with the card, as Mastodon's
 * clients expect. An edit that drops the link drops the card.
 */
import type { Deps } from "../deps.ts";
import type { DomainEvent } from "../domain/effects.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import { findStatusById } from "../db/statuses.ts";
import {
  attachCard,
  detachCard,
  findFreshCard,
  upsertCard,
} from "../db/preview-cards.ts";
import { linkedUrls } from "../text/mod.ts";
import { fetchCard } from "./fetch.ts";

export const FETCH_CARD_JOB = "status.fetch_card";
/** How long a fetched card serves every status linking the same URL. */
const CARD_FRESH_MS = 14 * 24 * 3600 * 1000;

/** Local posts and edits are looked at for a link (remote posts come with their own). */
export async function onCardEvent(deps: Deps, event: DomainEvent) {
  if (
    (event.type === "status.created" && event.local && !event.reblogOfId) ||
    (event.type === "status.updated" && event.local)
  ) {
    await deps.jobs.enqueue(deps.sql, FETCH_CARD_JOB, {
      statusId: event.statusId,
    });
  }
}

export const fetchCardJob = defineJob<{ statusId: string }, Deps>({
  kind: FETCH_CARD_JOB,
  parse: schema.object({ statusId: schema.string }),
  retry: {
    // An unreachable page already means no card (fetch.ts): what fails here is our database
    // or media storage, worth a few tries.
    backoff: exponentialBackoff(30_000, 10 * 60_000),
    maxAttempts: 4,
  },
  handler: (deps, { statusId }) => cardForStatus(deps, statusId),
});

export async function cardForStatus(deps: Deps, statusId: string) {
  const status = await findStatusById(deps.sql, statusId);
  if (!status || !status.local || status.reblog_of_id) return;
  const url = linkedUrls(status.content)[0];
  if (!url) return await detachCard(deps.sql, status.id);
  const card = await findFreshCard(
    deps.sql,
    url,
    new Date(Date.now() - CARD_FRESH_MS),
  ) ?? await fetched(deps, url);
  if (!card) return;
  await deps.sql.begin(async (tx) => {
    if (await attachCard(tx, status.id, card.id)) {
      await deps.effects.record(tx, {
        type: "status.card_attached",
        statusId: status.id,
      });
    }
  });
}

async function fetched(deps: Deps, url: string) {
  const input = await fetchCard(deps, url);
  return input ? await upsertCard(deps.sql, input) : null;
}
