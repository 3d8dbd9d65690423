import { define } from "../utils.ts";

export default define.page(({ params, route }) => (
  <p class="id" data-route={route ?? ""}>id={params.id}</p>
));
