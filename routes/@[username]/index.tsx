import { define } from "../../utils.ts";
import { messages } from "../../lib/web/pages.ts";
import { profileStatusesHandler } from "../../lib/web/profile.ts";
import { ProfilePage } from "../../components/ProfilePage.tsx";

export const handler = define.handlers({
  GET: profileStatusesHandler("posts"),
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
