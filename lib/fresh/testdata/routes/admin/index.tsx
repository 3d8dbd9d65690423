import { define } from "../../utils.ts";

export default define.page(({ state }) => (
  <p class="trail">{state.trail.join(">")}</p>
));
