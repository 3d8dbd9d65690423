import { define } from "../../utils.ts";

export default define.page(() => <p class="bare">bare</p>);
