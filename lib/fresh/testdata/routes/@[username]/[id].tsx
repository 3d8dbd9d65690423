import { define } from "../../utils.ts";

export default define.page(({ params }) => (
  <p class="status">user={params.username} status={params.id}</p>
));
