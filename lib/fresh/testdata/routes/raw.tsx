import { define } from "../utils.ts";

export const config = { skipAppWrapper: true, skipInheritedLayouts: true };

export default define.page(() => <p class="raw">raw</p>);
