import type { UiStatus } from "./mastodon.ts";
import type { StatusContext } from "./StatusCard.tsx";
import { Timeline } from "./Timeline.tsx";
import { Icon, type IconName } from "./Icon.tsx";
import { PageHead } from "./PageHead.tsx";
import type { TimelineMessages } from "../lib/i18n/en/timeline.ts";

export interface TimelinePageData {
  statuses: UiStatus[];
  context: StatusContext;
  older: string | null;
  newer: string | null;
}

/** The local, federated and hashtag timelines share this page. */
export function PublicTimelinePage(
  { data, title, icon, description, stream, empty, api, feed, labels }: {
    data: TimelinePageData;
    title: string;
    /** None where the title carries its own sign (`#cats`). */
    icon?: IconName;
    description: string;
    stream: string;
    empty: string;
    /** The same timeline in the API, for loading older posts in place. */
    api: string;
    /** The live feeds (this server's, every server's) get tabs between them. */
    feed?: "local" | "federated";
    labels: TimelineMessages;
  },
) {
  return (
    <>
      <PageHead title={title} />
      <header class="page-header">
        <div>
          <h1>
            {icon && <Icon name={icon} size={22} />} {title}
          </h1>
          <p>{description}</p>
        </div>
      </header>
      {feed && (
        <nav class="tabs card-tabs" aria-label={labels.liveFeeds}>
          <a
            href="/public/local"
            aria-current={feed === "local" ? "page" : undefined}
          >
            {labels.thisServer}
          </a>
          <a
            href="/public"
            aria-current={feed === "federated" ? "page" : undefined}
          >
            {labels.otherServersToo}
          </a>
        </nav>
      )}
      <Timeline
        statuses={data.statuses}
        context={data.context}
        label={title}
        older={data.older}
        newer={data.newer}
        stream={stream}
        empty={empty}
        api={api}
        labels={labels}
      />
    </>
  );
}
