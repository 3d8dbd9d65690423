import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { IS_BROWSER } from "../../runtime.ts";

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
  // Lets a browser check see that hydration ran (effects never run on the server).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(IS_BROWSER), []);
  return (
    <div class="counter" data-hydrated={String(hydrated)}>
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
