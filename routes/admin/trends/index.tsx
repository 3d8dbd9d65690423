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
import { messages } from "../../../lib/web/pages.ts";
import type { AdminServerMessages } from "../../../lib/i18n/en/adminServer.ts";

type Data = Record<TrendKind, ReviewItem[]>;

const KINDS: TrendKind[] = ["tag", "status", "link"];
const DECISION_KINDS = [...KINDS, "publisher"] as const;

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
  props: {
    kind: string;
    id: string;
    csrf: string;
    label: string;
    approve: string;
    reject: string;
  },
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
            {decision === "approve" ? props.approve : props.reject}
            {props.label}
          </button>
        </form>
      ))}
    </div>
  );
}

function trendState(
  trendable: boolean | null,
  t: AdminServerMessages["trends"],
): string {
  if (trendable === null) return t.waiting;
  return trendable ? t.approved : t.rejected;
}

export default define.page<typeof handler>(function Trends({ data, state: s }) {
  const { admin, adminServer } = messages({ state: s });
  const t = adminServer.trends;
  const decide = { approve: admin.approve, reject: admin.reject };
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {KINDS.map((kind) => (
        <section key={kind} class={`trends-review trends-${kind}`}>
          <h2>{t.headings[kind]}</h2>
          {data[kind].length === 0 && <p class="empty">{t.empty}</p>}
          <ul class="stack">
            {data[kind].map((item) => (
              <li key={item.id} class="card">
                <a href={item.href}>{item.label}</a> · {item.accounts}{" "}
                {t.accounts} ·{" "}
                <strong class="trend-state">
                  {trendState(item.trendable, t)}
                </strong>
                <DecisionForms
                  kind={kind}
                  id={item.id}
                  csrf={s.csrfToken}
                  label=""
                  {...decide}
                />
                {item.publisher && (
                  <DecisionForms
                    kind="publisher"
                    id={item.publisher.id}
                    csrf={s.csrfToken}
                    label={t.everyLink(item.publisher.host)}
                    {...decide}
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
