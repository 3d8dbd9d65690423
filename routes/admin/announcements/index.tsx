import { formError } from "../../../lib/web/form-errors.ts";
import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { messages } from "../../../lib/web/pages.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import {
  AnnouncementForm,
  announcementInputOf,
  type AnnouncementValues,
  announcementValues,
  valuesOfInput,
} from "../../../components/AnnouncementForm.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { can } from "../../../lib/moderation/mod.ts";
import {
  type AnnouncementRow,
  createAnnouncement,
  listAnnouncements,
} from "../../../lib/instance/mod.ts";

interface Data {
  announcements: AnnouncementRow[];
  values: AnnouncementValues;
  errors: string[];
}

/** /admin/announcements — every announcement, published or not, and a new one. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    if (!can(moderator ?? null, "manage_announcements")) {
      throw new HttpError(403, messages(ctx).admin.forbidden);
    }
    return page({
      announcements: await listAnnouncements(deps.sql, moderator ?? null),
      values: announcementValues(null),
      errors: [],
    });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const input = announcementInputOf(form);
    try {
      await createAnnouncement(deps, moderator ?? null, input);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page({
        announcements: await listAnnouncements(deps.sql, moderator ?? null),
        values: valuesOfInput(input),
        errors: [formError(messages(ctx), error)],
      }, { status: 422 });
    }
    return ctx.redirect("/admin/announcements", 303);
  },
});

export default define.page<typeof handler>(
  function Announcements({ data, state }) {
    const { admin, adminServer } = messages({ state });
    const t = adminServer.announcements;
    return (
      <>
        <PageHead title={`${admin.administration} · ${t.title}`} />
        <h1>{t.title}</h1>
        {data.announcements.length === 0
          ? <p class="empty">{t.empty}</p>
          : (
            <table class="admin-table">
              <thead>
                <tr>
                  <th>{t.text}</th>
                  <th>{t.status}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {data.announcements.map((a) => (
                  <tr>
                    <td>{a.text}</td>
                    <td>
                      {a.published_at
                        ? t.published(
                          formatDateTime(
                            a.published_at.toISOString(),
                            state.locale ?? "en",
                          ),
                        )
                        : a.scheduled_at
                        ? t.scheduled(
                          formatDateTime(
                            a.scheduled_at.toISOString(),
                            state.locale ?? "en",
                          ),
                        )
                        : t.draft}
                    </td>
                    <td>
                      <form
                        method="post"
                        action={`/admin/announcements/${a.id}/publish`}
                        class="inline"
                      >
                        <input
                          type="hidden"
                          name="_csrf"
                          value={state.csrfToken}
                        />
                        <input
                          type="hidden"
                          name="published"
                          value={a.published_at ? "false" : "true"}
                        />
                        <button type="submit" class="link">
                          {a.published_at ? t.unpublish : t.publish}
                        </button>
                      </form>{" "}
                      <a href={`/admin/announcements/${a.id}`}>{admin.edit}</a>
                      {" "}
                      <a href={`/admin/announcements/${a.id}/delete`}>
                        {admin.delete}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        <h2>{t.newTitle}</h2>
        <FormErrors errors={data.errors} />
        <AnnouncementForm
          action="/admin/announcements"
          csrf={state.csrfToken}
          values={data.values}
          submit={t.create}
          offerPublish
          labels={adminServer.announcementForm}
        />
      </>
    );
  },
);
