import type { UiStatus } from "./mastodon.ts";
import type { StatusContext } from "./StatusCard.tsx";
import { Timeline } from "./Timeline.tsx";
import { Icon, type IconName } from "./Icon.tsx";
import { PageHead } from "./PageHead.tsx";
import type { PagingLabels } from "./Timeline.tsx";
import type { State } from "../utils.ts";
import { messages } from "../lib/web/pages.ts";

export interface MarkedPostsData {
  statuses: UiStatus[];
  context: StatusContext;
  older: string | null;
  newer: string | null;
}

/** The viewer's bookmarks or favourites: a titled timeline with no live updates. */
export function MarkedPostsPage(
  { data, title, icon, api, empty, labels }: {
    data: MarkedPostsData;
    title: string;
    icon: IconName;
    api: string;
    empty: string;
    labels: PagingLabels;
  },
) {
  return (
    <>
      <PageHead title={title} />
      <header class="page-header">
        <h1>
          <Icon name={icon} size={22} /> {title}
        </h1>
      </header>
      <Timeline
        statuses={data.statuses}
        context={data.context}
        label={title}
        older={data.older}
        newer={data.newer}
        api={api}
        empty={empty}
        labels={labels}
      />
    </>
  );
}

/** The route page of `/bookmarks` or `/favourites`, in the request's language. */
export function markedPostsRoute(
  kind: "bookmarks" | "favourites",
  icon: IconName,
) {
  return ({ data, state }: { data: MarkedPostsData; state: State }) => {
    const t = messages({ state }).timeline;
    return (
      <MarkedPostsPage
        data={data}
        title={t[kind]}
        icon={icon}
        api={`/api/v1/${kind}`}
        empty={t[`${kind}Empty`]}
        labels={t}
      />
    );
  };
}
