import { formError } from "../../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { FormErrors } from "../../../../components/FormErrors.tsx";
import {
  AnnouncementForm,
  announcementInputOf,
  type AnnouncementValues,
  announcementValues,
  valuesOfInput,
} from "../../../../components/AnnouncementForm.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import { DomainError } from "../../../../lib/domain/errors.ts";
import {
  getAnnouncement,
  updateAnnouncement,
} from "../../../../lib/instance/mod.ts";
import { messages } from "../../../../lib/web/pages.ts";

interface Data {
  id: string;
  values: AnnouncementValues;
  errors: string[];
}

/** /admin/announcements/:id — edit one (a published one is re-sent to the streams). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const row = await getAnnouncement(
      deps.sql,
      moderator ?? null,
      ctx.params.id,
    );
    return page({ id: row.id, values: announcementValues(row), errors: [] });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const input = announcementInputOf(form);
    try {
      await updateAnnouncement(deps, moderator ?? null, ctx.params.id, input);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page({
        id: ctx.params.id,
        values: valuesOfInput(input),
        errors: [formError(messages(ctx), error)],
      }, { status: 422 });
    }
    return ctx.redirect("/admin/announcements", 303);
  },
});

export default define.page<typeof handler>(
  function EditAnnouncement({ data, state }) {
    const { admin, adminServer } = messages({ state });
    const t = adminServer.announcements;
    return (
      <>
        <PageHead title={`${admin.administration} · ${t.editTitle}`} />
        <h1>{t.editTitle}</h1>
        <FormErrors errors={data.errors} />
        <AnnouncementForm
          action={`/admin/announcements/${data.id}`}
          csrf={state.csrfToken}
          values={data.values}
          submit={admin.save}
          offerPublish={false}
          labels={adminServer.announcementForm}
        />
      </>
    );
  },
);
