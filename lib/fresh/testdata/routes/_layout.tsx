import { define } from "../utils.ts";

export default define.layout(({ Component }) => (
  <div class="root-layout">
    <Component />
  </div>
));
