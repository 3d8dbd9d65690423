import { define } from "../../utils.ts";

export default define.page(({ params }) => <p class="post">post={params.id}
</p>);
