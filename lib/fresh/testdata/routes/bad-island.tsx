import Counter from "../islands/Counter.tsx";
import { define } from "../utils.ts";

// A function prop can't be serialised: rendering must fail naming the island and prop.
const props = { start: 1, tags: ["ok"], options: { onChange: () => {} } };

export default define.page(() => <Counter {...props} />);
