/**
 * The moderator's action form for one account (/admin/accounts/:id): the action, a warning
 * preset and custom text, whether the user is told, and the confirmation suspend and disable
 * need. It posts to the account page.
 */
import type { WarningPresetRow } from "../lib/moderation/mod.ts";

export function AccountActionForm(
  { accountId, csrf, reportId, local, presets }: {
    accountId: string;
    csrf: string;
    reportId: string;
    /** Local accounts can also be disabled. */
    local: boolean;
    presets: WarningPresetRow[];
  },
) {
  return (
    <section class="card">
      <h2>Take action</h2>
      <form method="post" action={`/admin/accounts/${accountId}`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="report_id" value={reportId} />
        <fieldset>
          <legend>Action</legend>
          {[
            ["none", "Warning only"],
            ["sensitive", "Mark media as sensitive"],
            ...(local ? [["disable", "Disable login"]] : []),
            ["silence", "Limit"],
            ["suspend", "Suspend"],
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
            Warning preset
            <select name="warning_preset_id">
              <option value="">None</option>
              {presets.map((p) => (
                <option key={p.id} value={p.id}>{p.title || p.text}</option>
              ))}
            </select>
          </label>
        )}
        <label for="action-text">Custom warning</label>
        <textarea id="action-text" name="text" rows={3} />
        <label>
          <input type="checkbox" name="send_email_notification" value="1" />
          {" "}
          Notify the user (they see the warning and may appeal it)
        </label>
        {local && (
          <label>
            <input type="checkbox" name="block_email" value="1" />{" "}
            When suspending: block this e-mail address from signing up again
          </label>
        )}
        <label>
          <input type="checkbox" name="confirm" value="1" />{" "}
          I confirm (needed to suspend or disable)
        </label>
        <button type="submit">Perform action</button>
      </form>
    </section>
  );
}
