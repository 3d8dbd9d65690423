import { define } from "../../utils.ts";
import { profileStatusesHandler } from "../../lib/web/profile.ts";
import { ProfileRoute } from "../../components/ProfilePage.tsx";

export const handler = define.handlers({
  GET: profileStatusesHandler("with_replies"),
});

export default define.page<typeof handler>(ProfileRoute);
