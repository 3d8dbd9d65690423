import { FormErrors } from "./FormErrors.tsx";

export interface ReportFormData {
  /** The reported account's server, when it is not this one (the report may be forwarded). */
  remoteDomain: string | null;
  rules: { id: string; text: string }[];
  errors: string[];
}

const CATEGORIES: [string, string, string][] = [
  ["spam", "It's spam", "Malicious links, fake engagement or repetitive"],
  ["legal", "It's illegal", "You think it breaks the law where you live"],
  ["violation", "It breaks the server's rules", "Choose the rules below"],
  ["other", "Something else", "None of the above"],
];

/**
 * A report's fields (as `POST /api/v1/reports` takes them): category, the server's rules when
 * there are any, a comment, and forwarding to the account's own server. Posts to this page.
 */
export function ReportForm(
  { data, csrf, back }: { data: ReportFormData; csrf: string; back: string },
) {
  return (
    <>
      <FormErrors errors={data.errors} />
      <form method="post" class="stack">
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset>
          <legend>What's wrong?</legend>
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
            <legend>Which rules are broken?</legend>
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
    </>
  );
}

/** After a report is sent. */
export function ReportSent({ back }: { back: string }) {
  return (
    <section class="card narrow" aria-labelledby="report-title">
      <h1 id="report-title">Thanks, your report was sent</h1>
      <p role="status">The moderators of this server will look at it.</p>
      <a class="button secondary" href={back}>Go back</a>
    </section>
  );
}
