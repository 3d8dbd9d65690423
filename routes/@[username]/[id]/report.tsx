import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { getVisibleStatus } from "../../../lib/domain/statuses.ts";
import { fileReport, reportableRules } from "../../../lib/domain/reports.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { findAccount } from "../../../lib/domain/profiles.ts";
import { field } from "../../../lib/web/forms.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { signInFirst, uiStatuses } from "../../../lib/web/pages.ts";
import type { UiStatus } from "../../../components/mastodon.ts";
import { StatusCard } from "../../../components/StatusCard.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { PageHead } from "../../../components/PageHead.tsx";

interface Data {
  status: UiStatus;
  /** The author's server, when it is not this one (the report may be forwarded there). */
  remoteDomain: string | null;
  rules: { id: string; text: string }[];
  errors: string[];
  sent: boolean;
}

const CATEGORIES: [string, string, string][] = [
  ["spam", "It's spam", "Malicious links, fake engagement or repetitive"],
  ["legal", "It's illegal", "You think it breaks the law where you live"],
  ["violation", "It breaks the server's rules", "Choose the rules below"],
  ["other", "Something else", "None of the above"],
];

/** `/@bob/123/report`: report a post to this server's moderators (as `POST /api/v1/reports`). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page(await load(ctx, [], ctx.url.searchParams.has("sent")));
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const status = await visible(ctx);
    try {
      await fileReport(ctx.state.deps, session.account, {
        targetAccountId: status.account_id,
        statusIds: [status.id],
        comment: field(form, "comment"),
        category: field(form, "category") || "other",
        ruleIds: form.getAll("rule_ids").filter((v): v is string =>
          typeof v === "string"
        ),
        forward: field(form, "forward") === "on",
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page(await load(ctx, [error.message], false), { status: 422 });
    }
    return ctx.redirect(`${ctx.url.pathname}?sent=1`, 303);
  },
});

function visible(ctx: Parameters<typeof signInFirst>[0]) {
  if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
  return getVisibleStatus(
    ctx.state.deps,
    ctx.state.session!.account.id,
    ctx.params.id,
  );
}

async function load(
  ctx: Parameters<typeof signInFirst>[0],
  errors: string[],
  sent: boolean,
): Promise<Data> {
  const row = await visible(ctx);
  const [status] = await uiStatuses(ctx, [row]);
  const author = await findAccount(ctx.state.deps.sql, row.account_id);
  return {
    status,
    remoteDomain: author.domain,
    rules: [...reportableRules()],
    errors,
    sent,
  };
}

export default define.page<typeof handler>(function Report({ data, state }) {
  const { status } = data;
  const back = `/@${status.account.acct}/${status.id}`;
  if (data.sent) {
    return (
      <section class="card narrow" aria-labelledby="report-title">
        <PageHead title="Report sent" />
        <h1 id="report-title">Thanks, your report was sent</h1>
        <p role="status">
          The moderators of this server will look at it.
        </p>
        <a class="button secondary" href={back}>Back to the post</a>
      </section>
    );
  }
  return (
    <section class="card narrow" aria-labelledby="report-title">
      <PageHead title={`Report @${status.account.acct}`} />
      <h1 id="report-title">Report @{status.account.acct}</h1>
      <StatusCard
        status={status}
        context={{ signedIn: false, csrf: state.csrfToken, returnTo: back }}
      />
      <FormErrors errors={data.errors} />
      <form method="post" class="stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <fieldset>
          <legend>What's wrong with this post?</legend>
          <div class="stack">
            {CATEGORIES.filter(([value]) =>
              value !== "violation" || data.rules.length > 0
            ).map(([value, label, help]) => (
              <label class="checkbox">
                <input
                  type="radio"
                  name="category"
                  value={value}
                  checked={value === "other"}
                />
                <span>
                  {label} <small>— {help}</small>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {data.rules.length > 0 && (
          <fieldset>
            <legend>Which rules does it break?</legend>
            {data.rules.map((rule) => (
              <label class="checkbox">
                <input type="checkbox" name="rule_ids" value={rule.id} />
                {rule.text}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          Anything else the moderators should know? (optional)
          <textarea name="comment" rows={3} maxLength={1000} />
        </label>
        {data.remoteDomain && (
          <label class="checkbox">
            <input type="checkbox" name="forward" value="on" />
            Also send an anonymous copy to {data.remoteDomain}
          </label>
        )}
        <div class="actions">
          <button type="submit" class="danger">Send report</button>
          <a class="button secondary" href={back}>Cancel</a>
        </div>
      </form>
    </section>
  );
});
