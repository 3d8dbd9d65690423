/** The fields of a domain block, for the new and edit pages (/admin/domain_blocks). */
import type { DomainBlockFields } from "../lib/moderation/mod.ts";
import type { AdminFederationMessages } from "../lib/i18n/en/adminFederation.ts";

export function DomainBlockForm(
  { action, csrf, domain, fields, submit, labels }: {
    action: string;
    csrf: string;
    /** Shown as an input on the new page; fixed on the edit page. */
    domain: string | null;
    fields: DomainBlockFields;
    submit: string;
    labels: Pick<AdminFederationMessages, "blockForm" | "severities">;
  },
) {
  const t = labels.blockForm;
  return (
    <form method="post" action={action} class="card">
      <input type="hidden" name="_csrf" value={csrf} />
      {domain !== null && (
        <label>
          {t.domain}
          <input name="domain" required value={domain} />
        </label>
      )}
      <label>
        {t.severity}
        <select name="severity">
          {(["silence", "suspend", "noop"] as const).map((s) => (
            <option value={s} selected={fields.severity === s}>
              {labels.severities[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          name="reject_media"
          value="true"
          checked={fields.reject_media}
        />{" "}
        {t.rejectMedia}
      </label>
      <label>
        <input
          type="checkbox"
          name="reject_reports"
          value="true"
          checked={fields.reject_reports}
        />{" "}
        {t.rejectReports}
      </label>
      <label>
        <input
          type="checkbox"
          name="obfuscate"
          value="true"
          checked={fields.obfuscate}
        />{" "}
        {t.obfuscate}
      </label>
      <label>
        {t.privateComment}
        <textarea name="private_comment">
          {fields.private_comment ?? ""}
        </textarea>
      </label>
      <label>
        {t.publicComment}
        <textarea name="public_comment">{fields.public_comment ?? ""}</textarea>
      </label>
      <button type="submit">{submit}</button>
    </form>
  );
}

/** The block's fields as posted by `DomainBlockForm`. */
export function blockFieldsOf(form: FormData): DomainBlockFields {
  const text = (name: string) => String(form.get(name) ?? "").trim() || null;
  return {
    severity: String(form.get("severity") ?? "silence") as DomainBlockFields[
      "severity"
    ],
    reject_media: form.get("reject_media") === "true",
    reject_reports: form.get("reject_reports") === "true",
    obfuscate: form.get("obfuscate") === "true",
    private_comment: text("private_comment"),
    public_comment: text("public_comment"),
  };
}
