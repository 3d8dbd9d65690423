import { FormErrors } from "./FormErrors.tsx";
import type { ReportMessages } from "../lib/i18n/en/report.ts";

export interface ReportFormData {
  /** The reported account's server, when it is not this one (the report may be forwarded). */
  remoteDomain: string | null;
  rules: { id: string; text: string }[];
  errors: string[];
}

const CATEGORIES = [
  ["spam", "spam", "spamHint"],
  ["legal", "legal", "legalHint"],
  ["violation", "violation", "violationHint"],
  ["other", "other", "otherHint"],
] as const;

/**
 * A report's fields (as `POST /api/v1/reports` takes them): category, the server's rules when
 * there are any, a comment, and forwarding to the account's own server. Posts to this page.
 */
export function ReportForm(
  { data, csrf, back, labels: t }: {
    data: ReportFormData;
    csrf: string;
    back: string;
    labels: ReportMessages;
  },
) {
  return (
    <>
      <FormErrors errors={data.errors} />
      <form method="post" class="stack">
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset>
          <legend>{t.whatsWrong}</legend>
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
                  {t[label]} <small>— {t[help]}</small>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {data.rules.length > 0 && (
          <fieldset>
            <legend>{t.whichRules}</legend>
            {data.rules.map((rule) => (
              <label class="checkbox">
                <input type="checkbox" name="rule_ids" value={rule.id} />
                {rule.text}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          {t.comment}
          <textarea name="comment" rows={3} maxLength={1000} />
        </label>
        {data.remoteDomain && (
          <label class="checkbox">
            <input type="checkbox" name="forward" value="on" />
            {t.forward(data.remoteDomain)}
          </label>
        )}
        <div class="actions">
          <button type="submit" class="danger">{t.send}</button>
          <a class="button secondary" href={back}>{t.cancel}</a>
        </div>
      </form>
    </>
  );
}

/** After a report is sent. */
export function ReportSent(
  { back, labels: t }: { back: string; labels: ReportMessages },
) {
  return (
    <section class="card narrow" aria-labelledby="report-title">
      <h1 id="report-title">{t.sent}</h1>
      <p role="status">{t.sentDetail}</p>
      <a class="button secondary" href={back}>{t.goBack}</a>
    </section>
  );
}
