import { HttpError, page } from "fresh";
import { define } from "../../utils.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { FormErrors } from "../../components/FormErrors.tsx";
import { signedInForm } from "../../lib/web/actions.ts";
import { field } from "../../lib/web/forms.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { can } from "../../lib/moderation/mod.ts";
import {
  type DomainBlocksShown,
  type InstanceSettings,
  instanceSettings,
  type SettingsInput,
  updateSettings,
} from "../../lib/instance/mod.ts";
import type { Registrations } from "../../lib/config.ts";

interface Data {
  settings: InstanceSettings;
  errors: string[];
  saved: boolean;
}

/** What the form sends, as the settings it names (unchecked boxes are `false`). */
function inputOf(form: FormData): SettingsInput {
  return {
    title: field(form, "title"),
    shortDescription: field(form, "short_description"),
    extendedDescription: field(form, "extended_description"),
    contactUsername: field(form, "contact_username"),
    contactEmail: field(form, "contact_email"),
    registrationsMode: field(form, "registrations_mode") as Registrations,
    approvalRequiresReason: form.get("approval_requires_reason") === "true",
    minAge: minAgeOf(field(form, "min_age")),
    privacyPolicy: field(form, "privacy_policy"),
    showDomainBlocks: field(form, "show_domain_blocks") as DomainBlocksShown,
    // Unticked: the thumbnail stays (a new upload replaces it).
    ...(form.get("remove_thumbnail") === "true" ? { thumbnailUrl: null } : {}),
  };
}

/** Blank: no minimum age; anything else is checked by lib/instance (NaN is refused there). */
function minAgeOf(text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  return text.trim() === "" ? null : Number(text);
}

/** /admin/settings — the server's name, texts, contact and sign-up mode (`manage_settings`). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!can(ctx.state.moderator ?? null, "manage_settings")) {
      throw new HttpError(403, "This action is not allowed");
    }
    return page({
      settings: await instanceSettings(ctx.state.deps),
      errors: [],
      saved: ctx.url.searchParams.has("saved"),
    });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const file = form.get("thumbnail");
    const thumbnail = file instanceof File && file.size > 0
      ? { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type }
      : undefined;
    try {
      await updateSettings(deps, moderator ?? null, inputOf(form), thumbnail);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      const settings = { ...await instanceSettings(deps), ...inputOf(form) };
      return page({ settings, errors: [error.message], saved: false }, {
        status: 422,
      });
    }
    return ctx.redirect("/admin/settings?saved", 303);
  },
});

const MODES: [Registrations, string][] = [
  ["open", "Anyone can sign up"],
  ["approval", "Sign-ups need a moderator's approval"],
  ["closed", "Nobody can sign up"],
];
const SHOWN: [DomainBlocksShown, string][] = [
  ["disabled", "Nobody"],
  ["users", "Signed-in users"],
  ["all", "Everyone"],
];

export default define.page<typeof handler>(function Settings({ data, state }) {
  const { settings } = data;
  return (
    <>
      <PageHead title="Administration · Server settings" />
      <h1>Server settings</h1>
      <p>
        Changes apply at once.{" "}
        <a href="/admin/terms_of_service">Terms of service</a>
      </p>
      {data.saved && <p role="status">Settings saved.</p>}
      <FormErrors errors={data.errors} />
      <form
        method="post"
        action="/admin/settings"
        enctype="multipart/form-data"
        class="card stack"
      >
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          Server name
          <input name="title" maxLength={100} value={settings.title} />
        </label>
        <label>
          Short description
          <textarea name="short_description" rows={2} maxLength={500}>
            {settings.shortDescription}
          </textarea>
        </label>
        <label>
          About this server (shown on /about; blank lines separate paragraphs)
          <textarea name="extended_description" rows={8}>
            {settings.extendedDescription}
          </textarea>
        </label>
        <label>
          Thumbnail {settings.thumbnailUrl && (
            <img
              src={settings.thumbnailUrl}
              alt="Current thumbnail"
              height={48}
            />
          )}
          <input type="file" name="thumbnail" accept="image/*" />
        </label>
        {settings.thumbnailUrl && (
          <label>
            <input type="checkbox" name="remove_thumbnail" value="true" />{" "}
            Remove the thumbnail
          </label>
        )}
        <label>
          Contact account (a local username)
          <input
            name="contact_username"
            value={settings.contactUsername ?? ""}
          />
        </label>
        <label>
          Contact e-mail
          <input
            name="contact_email"
            type="email"
            value={settings.contactEmail ?? ""}
          />
        </label>
        <label>
          Registrations
          <select name="registrations_mode">
            {MODES.map(([mode, label]) => (
              <option
                value={mode}
                selected={settings.registrationsMode === mode}
              >
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            name="approval_requires_reason"
            value="true"
            checked={settings.approvalRequiresReason}
          />{" "}
          With approval, ask why they want to join (required)
        </label>
        <label>
          Minimum age to sign up (blank: none; sign-up then asks for a date of
          birth)
          <input
            type="number"
            name="min_age"
            min={1}
            max={100}
            value={settings.minAge ?? ""}
          />
        </label>
        <label>
          Privacy policy (blank: the built-in one)
          <textarea name="privacy_policy" rows={8}>
            {settings.privacyPolicy}
          </textarea>
        </label>
        <label>
          Show the moderated servers to
          <select name="show_domain_blocks">
            {SHOWN.map(([value, label]) => (
              <option
                value={value}
                selected={settings.showDomainBlocks === value}
              >
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Save settings</button>
      </form>
    </>
  );
});
