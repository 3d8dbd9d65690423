/** `/@user/tagged/:tag` — a profile's posts with one hashtag (where featured tags link to). */
import { define } from "../../../utils.ts";
import { profileStatusesHandler } from "../../../lib/web/profile.ts";
import { ProfileRoute } from "../../../components/ProfilePage.tsx";

export const handler = define.handlers({
  GET: profileStatusesHandler("posts", (ctx) => ctx.params.tag),
});

export default define.page<typeof handler>(ProfileRoute);
