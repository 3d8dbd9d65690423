import { define } from "../../utils.ts";

export default define.page(({ params }) => (
  <p class="rest">path={params.path}</p>
));
