import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  type AnnouncementRow,
  deleteAnnouncement,
  getAnnouncement,
} from "../../../../lib/instance/mod.ts";
import { messages } from "../../../../lib/web/pages.ts";

interface Data {
  announcement: AnnouncementRow;
}

/** /admin/announcements/:id/delete — asks first (GET), then deletes it (POST). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page({
      announcement: await getAnnouncement(
        deps.sql,
        moderator ?? null,
        ctx.params.id,
      ),
    });
  },
  async POST(ctx) {
    await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await deleteAnnouncement(deps, moderator ?? null, ctx.params.id);
    return ctx.redirect("/admin/announcements", 303);
  },
});

export default define.page<typeof handler>(
  function DeleteAnnouncement({ data, state }) {
    const { announcement } = data;
    const { admin, adminServer } = messages({ state });
    const t = adminServer.announcements;
    return (
      <>
        <PageHead title={`${admin.administration} · ${t.deleteTitle}`} />
        <h1>{t.deleteQuestion}</h1>
        <blockquote>{announcement.text}</blockquote>
        <p>{t.deleteDetail}</p>
        <form
          method="post"
          action={`/admin/announcements/${announcement.id}/delete`}
        >
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <button type="submit">{t.deleteButton}</button>{" "}
          <a href="/admin/announcements">{admin.cancel}</a>
        </form>
      </>
    );
  },
);
