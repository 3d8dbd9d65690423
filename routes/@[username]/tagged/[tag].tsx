/** `/@user/tagged/:tag` — a profile's posts with one hashtag (where featured tags link to). */
import { define } from "../../../utils.ts";
import { messages } from "../../../lib/web/pages.ts";
import { profileStatusesHandler } from "../../../lib/web/profile.ts";
import { ProfilePage } from "../../../components/ProfilePage.tsx";

export const handler = define.handlers({
  GET: profileStatusesHandler("posts", (ctx) => ctx.params.tag),
});

export default define.page<typeof handler>(({ data, state }) => {
  const t = messages({ state });
  return (
    <ProfilePage
      data={data}
      csrf={state.csrfToken}
      labels={t.profile}
      paging={t.timeline}
    />
  );
});
