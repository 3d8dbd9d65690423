import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";

export default function Counter(
  props: {
    start: number;
    when?: Date;
    link?: URL;
    tags?: string[];
    children?: ComponentChildren;
  },
) {
  const [count, setCount] = useState(props.start);
  return (
    <div class="counter">
      <button type="button" onClick={() => setCount(count + 1)}>
        count={count}
      </button>
      <span class="types">
        {String(props.when instanceof Date)}/{String(props.link instanceof URL)}
      </span>
      {props.children}
    </div>
  );
}

export function Label({ text }: { text: string }) {
  return <span class="label">{text}</span>;
}
