import { page } from "../../mod.ts";
import { define } from "../utils.ts";

export const handler = define.handlers({
  GET(ctx) {
    ctx.state.title = "Greeting";
    return page({ name: ctx.url.searchParams.get("name") ?? "nobody" }, {
      status: 203,
      headers: { "x-greet": "yes" },
    });
  },
});

export default define.page<typeof handler>(async ({ data }) => {
  await Promise.resolve();
  return <p class="greet">hello {data.name}</p>;
});
