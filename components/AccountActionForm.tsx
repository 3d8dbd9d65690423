/**
 * The moderator's action form for one account (/admin/accounts/:id): the action, a warning
 * preset and custom text, whether the user is told, and the confirmation suspend and disable
 * need. It posts to the account page.
 */
import type { WarningPresetRow } from "../lib/moderation/mod.ts";
import type { AdminModerationMessages } from "../lib/i18n/en/adminModeration.ts";

export function AccountActionForm(
  { accountId, csrf, reportId, local, presets, labels: t }: {
    accountId: string;
    csrf: string;
    reportId: string;
    /** Local accounts can also be disabled. */
    local: boolean;
    presets: WarningPresetRow[];
    labels: AdminModerationMessages["actionForm"];
  },
) {
  return (
    <section class="card">
      <h2>{t.title}</h2>
      <form method="post" action={`/admin/accounts/${accountId}`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="report_id" value={reportId} />
        <fieldset>
          <legend>{t.action}</legend>
          {[
            ["none", t.none],
            ["sensitive", t.sensitive],
            ...(local ? [["disable", t.disable]] : []),
            ["silence", t.silence],
            ["suspend", t.suspend],
          ].map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="type"
                value={value}
                required
                checked={value === "none"}
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
        {presets.length > 0 && (
          <label>
            {t.preset}
            <select name="warning_preset_id">
              <option value="">{t.noPreset}</option>
              {presets.map((p) => (
                <option key={p.id} value={p.id}>{p.title || p.text}</option>
              ))}
            </select>
          </label>
        )}
        <label for="action-text">{t.customWarning}</label>
        <textarea id="action-text" name="text" rows={3} />
        <label>
          <input type="checkbox" name="send_email_notification" value="1" />
          {" "}
          {t.notify}
        </label>
        {local && (
          <label>
            <input type="checkbox" name="block_email" value="1" />{" "}
            {t.blockEmail}
          </label>
        )}
        <label>
          <input type="checkbox" name="confirm" value="1" /> {t.confirm}
        </label>
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
}
