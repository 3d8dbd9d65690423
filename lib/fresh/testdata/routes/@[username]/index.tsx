import { define } from "../../utils.ts";

export default define.page(({ params }) => (
  <p class="profile">user={params.username}</p>
));
