import { page } from "fresh";
import { define } from "../../utils.ts";
import { FIELDS_MAX, updateProfile } from "../../lib/domain/profiles.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { accountSourceJson } from "../../lib/mastodon/entities/account.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";

interface Values {
  displayName: string;
  note: string;
  fields: { name: string; value: string }[];
  locked: boolean;
  bot: boolean;
}

interface Data {
  values: Values;
  errors: string[];
  saved: boolean;
}

function currentValues(
  session: NonNullable<Parameters<typeof updateProfile>[1]>,
): Values {
  const source = accountSourceJson(session.account, session.user, 0);
  return {
    displayName: session.account.display_name,
    note: source.note,
    fields: source.fields.map((f) => ({ name: f.name, value: f.value })),
    locked: session.account.locked,
    bot: session.account.bot,
  };
}

/** Display name, bio, profile fields, and whether followers need approval. */
export const handler = define.handlers<Data>({
  GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    return page({
      values: currentValues(session),
      errors: [],
      saved: ctx.url.searchParams.has("saved"),
    });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const values: Values = {
      displayName: field(form, "display_name"),
      note: field(form, "note"),
      fields: Array.from({ length: FIELDS_MAX }, (_, i) => ({
        name: field(form, `fields[${i}][name]`),
        value: field(form, `fields[${i}][value]`),
      })),
      locked: field(form, "locked") === "on",
      bot: field(form, "bot") === "on",
    };
    try {
      await updateProfile(ctx.state.deps, session, {
        displayName: values.displayName,
        note: values.note,
        fields: values.fields,
        locked: values.locked,
        bot: values.bot,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({
        values,
        errors: [formError(messages(ctx), error)],
        saved: false,
      }, {
        status: 422,
      });
    }
    return ctx.redirect("/settings/profile?saved=1", 303);
  },
});

export default define.page<typeof handler>(function ProfileSettings(
  { data, state },
) {
  const v = data.values;
  const fields = [
    ...v.fields,
    ...Array.from({ length: FIELDS_MAX }, () => ({ name: "", value: "" })),
  ].slice(0, FIELDS_MAX);
  const t = messages({ state }).settings;
  const p = t.profile;
  return (
    <>
      <PageHead title={fill(t.pageTitle, { page: p.heading })} />
      <h1>{t.heading}</h1>
      <SettingsNav current="/settings/profile" labels={t.nav} />
      <section class="card">
        <h2>{p.heading}</h2>
        {data.saved && <p class="notice" role="status">{p.saved}</p>}
        <FormErrors errors={data.errors} />
        <form method="post" action="/settings/profile" class="stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <label>
            {p.displayName}
            <input
              name="display_name"
              value={v.displayName}
              maxLength={30}
              autocomplete="nickname"
            />
          </label>
          <label>
            {p.bio}
            <textarea name="note" rows={4} maxLength={500}>{v.note}</textarea>
          </label>
          <fieldset>
            <legend>{p.fields}</legend>
            <p class="help">{p.fieldsHelp}</p>
            {fields.map((f, i) => (
              <div class="field-pair">
                <label>
                  {fill(p.fieldLabel, { n: i + 1 })}
                  <input
                    name={`fields[${i}][name]`}
                    value={f.name}
                    maxLength={255}
                  />
                </label>
                <label>
                  {fill(p.fieldContent, { n: i + 1 })}
                  <input
                    name={`fields[${i}][value]`}
                    value={f.value}
                    maxLength={255}
                  />
                </label>
              </div>
            ))}
          </fieldset>
          <label class="checkbox">
            <input type="checkbox" name="locked" checked={v.locked} />
            {p.locked}
          </label>
          <label class="checkbox">
            <input type="checkbox" name="bot" checked={v.bot} />
            {p.bot}
          </label>
          <div>
            <button type="submit">{p.save}</button>
          </div>
        </form>
      </section>
    </>
  );
});
