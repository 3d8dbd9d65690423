import { define } from "../../utils.ts";

export default define.page(({ status }) => (
  <p class="admin-error">admin error {status}</p>
));
