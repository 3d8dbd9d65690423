import Counter, { Label } from "../islands/Counter.tsx";
import { Head } from "../../runtime.ts";
import { define } from "../utils.ts";

export default define.page(() => (
  <div>
    <Head>
      <title>Islands</title>
      <meta name="x-head" content="from-page" />
    </Head>
    <Counter
      start={3}
      when={new Date("2024-05-06T07:08:09.000Z")}
      link={new URL("https://example.com/a?b=c")}
      tags={["a", "</script><!--"]}
    >
      <strong class="slot">server child</strong>
    </Counter>
    <Label text="hi" />
  </div>
));
