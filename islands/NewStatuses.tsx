import { useEffect, useState } from "preact/hooks";
import { onNewStatuses } from "../components/api.ts";
import type { UiStatus } from "../components/mastodon.ts";
import { StatusCard, type StatusContext } from "../components/StatusCard.tsx";

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
  useEffect(() =>
    onNewStatuses((incoming) => {
      setStatuses((current) => {
        const seen = new Set([...existingIds, ...current.map((s) => s.id)]);
        const fresh = incoming.filter((s) => !seen.has(s.id));
        return [...fresh.reverse(), ...current];
      });
    }), []);
  if (statuses.length === 0) return <div class="new-statuses" />;
  return (
    <div class="new-statuses">
      {statuses.map((status) => (
        <StatusCard key={status.id} status={status} context={context} />
      ))}
    </div>
  );
}
