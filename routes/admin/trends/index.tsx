import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import { field } from "../../../lib/web/forms.ts";
import {
  type ReviewItem,
  reviewQueue,
  reviewTrend,
  type TrendKind,
} from "../../../lib/trends/mod.ts";

type Data = Record<TrendKind, ReviewItem[]>;

const KINDS: TrendKind[] = ["tag", "status", "link"];
const DECISION_KINDS = [...KINDS, "publisher"] as const;
const HEADINGS: Record<TrendKind, string> = {
  tag: "Hashtags",
  status: "Posts",
  link: "Links",
};

/**
 * /admin/trends — what trends now, waiting for review or decided (`manage_taxonomies`). Nothing
 * shows in the public trends until approved here or through the admin API. POST decides one.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page(await reviewQueue(deps.sql, moderator ?? null));
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const kind = field(form, "kind") as typeof DECISION_KINDS[number];
    if (!DECISION_KINDS.includes(kind)) {
      return ctx.redirect("/admin/trends", 303);
    }
    await reviewTrend(
      deps.sql,
      moderator ?? null,
      kind,
      field(form, "id"),
      field(form, "decision") === "approve",
    );
    return ctx.redirect("/admin/trends", 303);
  },
});

/** Approve and Reject buttons, one small form each (no JavaScript needed). */
function DecisionForms(
  props: { kind: string; id: string; csrf: string; label: string },
) {
  return (
    <div class="report-actions">
      {(["approve", "reject"] as const).map((decision) => (
        <form key={decision} method="post" action="/admin/trends">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="kind" value={props.kind} />
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="decision" value={decision} />
          <button type="submit" class="small">
            {decision === "approve" ? "Approve" : "Reject"}
            {props.label}
          </button>
        </form>
      ))}
    </div>
  );
}

function state(trendable: boolean | null): string {
  if (trendable === null) return "Waiting for review";
  return trendable ? "Approved" : "Rejected";
}

export default define.page<typeof handler>(function Trends({ data, state: s }) {
  return (
    <>
      <PageHead title="Moderation · Trends" />
      <h1>Trends</h1>
      <p>
        Only approved items appear in the public trends. Approving a hashtag, or
        every link from a site, holds until you reject it.
      </p>
      {KINDS.map((kind) => (
        <section key={kind} class={`trends-review trends-${kind}`}>
          <h2>{HEADINGS[kind]}</h2>
          {data[kind].length === 0 && <p class="empty">Nothing trending.</p>}
          <ul class="stack">
            {data[kind].map((item) => (
              <li key={item.id} class="card">
                <a href={item.href}>{item.label}</a> · {item.accounts}{" "}
                accounts ·{" "}
                <strong class="trend-state">{state(item.trendable)}</strong>
                <DecisionForms
                  kind={kind}
                  id={item.id}
                  csrf={s.csrfToken}
                  label=""
                />
                {item.publisher && (
                  <DecisionForms
                    kind="publisher"
                    id={item.publisher.id}
                    csrf={s.csrfToken}
                    label={` every link from ${item.publisher.host}`}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
});
