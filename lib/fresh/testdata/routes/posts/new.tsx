import { define } from "../../utils.ts";

export default define.page(() => <p class="static">new post form</p>);
