/**
 * Preview cards (link previews) for local posts: the `status.fetch_card` job wired to the
 * domain events, and what the API renders them from. Everything outside `lib/cards` imports
 * from here.
 */
import type { Deps } from "../deps.ts";
import { onCardEvent } from "./job.ts";

export { cardForStatus, FETCH_CARD_JOB, fetchCardJob } from "./job.ts";
export { cardsByUrl, type PreviewCardRow } from "../db/preview-cards.ts";

/** Local posts and edits → `status.fetch_card` jobs. Returns the unsubscribe. */
export function subscribeCardFetching(deps: Deps): () => void {
  return deps.effects.on((event) => onCardEvent(deps, event));
}
