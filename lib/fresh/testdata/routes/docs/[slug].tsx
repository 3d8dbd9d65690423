import { define } from "../../utils.ts";

export default define.page(({ params }) => (
  <p class="slug">slug={params.slug}</p>
));
