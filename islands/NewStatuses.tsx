import { useEffect, useState } from "preact/hooks";
import { onNewStatuses } from "../components/api.ts";
import type { UiStatus } from "../components/mastodon.ts";
import type { StatusContext } from "../components/StatusCard.tsx";
import { loadStatusCard } from "../components/status-card-loader.ts";

/**
 * The top of a timeline: statuses posted from the compose box or let in from the "new posts"
 * banner appear here without a reload. Renders nothing on the server.
 */
export default function NewStatuses(
  { context, existingIds = [] }: {
    context: StatusContext;
    /** Ids already on the page, so a status is never shown twice. */
    existingIds?: string[];
  },
) {
  const [statuses, setStatuses] = useState<UiStatus[]>([]);
  const [card, setCard] = useState<
    { StatusCard: Awaited<ReturnType<typeof loadStatusCard>> } | null
  >(null);
  useEffect(() =>
    onNewStatuses(async (incoming) => {
      const StatusCard = await loadStatusCard();
      setCard({ StatusCard });
      setStatuses((current) => {
        const seen = new Set([...existingIds, ...current.map((s) => s.id)]);
        const fresh = incoming.filter((s) => !seen.has(s.id));
        return [...fresh.reverse(), ...current];
      });
    }), []);
  if (statuses.length === 0 || !card) return <div class="new-statuses" />;
  const { StatusCard } = card;
  return (
    <div class="new-statuses">
      {statuses.map((status) => (
        <StatusCard key={status.id} status={status} context={context} />
      ))}
    </div>
  );
}
