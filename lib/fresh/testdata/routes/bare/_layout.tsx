import { define } from "../../utils.ts";

export const config = { skipInheritedLayouts: true };

export default define.layout(({ Component }) => (
  <div class="bare-layout">
    <Component />
  </div>
));
