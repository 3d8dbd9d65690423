import { define } from "../../utils.ts";

export default define.layout(({ Component }) => (
  <section class="marketing-layout">
    <Component />
  </section>
));
