import { formError } from "../../lib/web/form-errors.ts";
import { HttpError, page } from "fresh";
import { define } from "../../utils.ts";
import { messages } from "../../lib/web/pages.ts";
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
      throw new HttpError(403, messages(ctx).admin.forbidden);
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
      return page({
        settings,
        errors: [formError(messages(ctx), error)],
        saved: false,
      }, {
        status: 422,
      });
    }
    return ctx.redirect("/admin/settings?saved", 303);
  },
});

const MODES: Registrations[] = ["open", "approval", "closed"];
const SHOWN: DomainBlocksShown[] = ["disabled", "users", "all"];

export default define.page<typeof handler>(function Settings({ data, state }) {
  const { settings } = data;
  const { admin, adminServer } = messages({ state });
  const t = adminServer.settings;
  return (
    <>
      <PageHead title={`${admin.administration} · ${t.title}`} />
      <h1>{t.title}</h1>
      <p>
        {t.applyAtOnce} <a href="/admin/terms_of_service">{t.terms}</a>
      </p>
      {data.saved && <p role="status">{t.saved}</p>}
      <FormErrors errors={data.errors} />
      <form
        method="post"
        action="/admin/settings"
        enctype="multipart/form-data"
        class="card stack"
      >
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.serverName}
          <input name="title" maxLength={100} value={settings.title} />
        </label>
        <label>
          {t.shortDescription}
          <textarea name="short_description" rows={2} maxLength={500}>
            {settings.shortDescription}
          </textarea>
        </label>
        <label>
          {t.about}
          <textarea name="extended_description" rows={8}>
            {settings.extendedDescription}
          </textarea>
        </label>
        <label>
          {t.thumbnail} {settings.thumbnailUrl && (
            <img
              src={settings.thumbnailUrl}
              alt={t.currentThumbnail}
              height={48}
            />
          )}
          <input type="file" name="thumbnail" accept="image/*" />
        </label>
        {settings.thumbnailUrl && (
          <label>
            <input type="checkbox" name="remove_thumbnail" value="true" />{" "}
            {t.removeThumbnail}
          </label>
        )}
        <label>
          {t.contactAccount}
          <input
            name="contact_username"
            value={settings.contactUsername ?? ""}
          />
        </label>
        <label>
          {t.contactEmail}
          <input
            name="contact_email"
            type="email"
            value={settings.contactEmail ?? ""}
          />
        </label>
        <label>
          {t.registrations}
          <select name="registrations_mode">
            {MODES.map((mode) => (
              <option
                value={mode}
                selected={settings.registrationsMode === mode}
              >
                {t.modes[mode]}
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
          {t.requireReason}
        </label>
        <label>
          {t.minAge}
          <input
            type="number"
            name="min_age"
            min={1}
            max={100}
            value={settings.minAge ?? ""}
          />
        </label>
        <label>
          {t.privacyPolicy}
          <textarea name="privacy_policy" rows={8}>
            {settings.privacyPolicy}
          </textarea>
        </label>
        <label>
          {t.showDomainBlocks}
          <select name="show_domain_blocks">
            {SHOWN.map((value) => (
              <option
                value={value}
                selected={settings.showDomainBlocks === value}
              >
                {t.shown[value]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t.submit}</button>
      </form>
    </>
  );
});
