// Server rendering: page → layouts → _app with preact-render-to-string, plus
// island marking. Islands are found through Preact's public `options.vnode`
// hook: a vnode whose type is a registered island component gets its type
// swapped for `IslandMarker`, which at render time records the props and
// surrounds the island's HTML with comment markers the browser boot script finds.
import {
  type ComponentChildren,
  type ComponentType,
  Fragment,
  h,
  isValidElement,
  options,
  type VNode,
} from "preact";
import { renderToString } from "preact-render-to-string";
import { encodeIslandProps } from "./serialize.ts";
import { setHeadCollector } from "./runtime.ts";

export interface IslandInfo {
  /** Unique name on the page markers, e.g. `Counter` or `Counter_Label`. */
  name: string;
  /** The export of the island module that holds the component. */
  exportName: string;
  /** The island file, as in the manifest: `./islands/Counter.tsx`. */
  file: string;
  component: ComponentType<Record<string, unknown>>;
}

const islandsByComponent = new WeakMap<object, IslandInfo>();

/** Makes `component` an island for every render in this process. */
export function registerIsland(info: IslandInfo): void {
  islandsByComponent.set(info.component, info);
  installVnodeHook();
}

/** What one page render collected; lives only during the synchronous renderToString. */
export interface RenderCollector {
  islands: { info: IslandInfo; props: unknown }[];
  head: ComponentChildren[];
  /** >0 while rendering inside an island: nested islands hydrate with their parent. */
  islandDepth: number;
  savedDepths: number[];
}

let activeRender: RenderCollector | null = null;
let bypassHook = false;
let hookInstalled = false;

function installVnodeHook() {
  if (hookInstalled) return;
  hookInstalled = true;
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    const info = !bypassHook && typeof vnode.type === "function"
      ? islandsByComponent.get(vnode.type)
      : undefined;
    if (info) {
      const originalProps = vnode.props;
      (vnode as { type: unknown }).type = IslandMarker;
      (vnode as { props: unknown }).props = { info, props: originalProps };
    }
    previous?.(vnode);
  };
}

/** Creates a vnode without the island hook (to render the real component). */
function hRaw(
  type: ComponentType<Record<string, unknown>>,
  props: Record<string, unknown>,
): VNode {
  bypassHook = true;
  try {
    return h(type, props);
  } finally {
    bypassHook = false;
  }
}

const comment = (text: string) =>
  h(Fragment, { UNSTABLE_comment: text } as never);

// Depth bookkeeping: render-to-string calls components in document order,
// so empty components before and after a subtree work as enter/exit callbacks.
function EnterIsland() {
  if (activeRender) activeRender.islandDepth++;
  return null;
}
function ExitIsland() {
  if (activeRender) activeRender.islandDepth--;
  return null;
}
function EnterSlot() {
  if (activeRender) {
    activeRender.savedDepths.push(activeRender.islandDepth);
    activeRender.islandDepth = 0;
  }
  return null;
}
function ExitSlot() {
  if (activeRender) {
    activeRender.islandDepth = activeRender.savedDepths.pop() ?? 0;
  }
  return null;
}

function IslandMarker(
  { info, props }: { info: IslandInfo; props: Record<string, unknown> },
) {
  const collector = activeRender;
  if (!collector || collector.islandDepth > 0) {
    return hRaw(info.component, props);
  }
  const index = collector.islands.length;
  // JSX in props becomes a server-rendered slot; the browser keeps its HTML.
  const { encoded, serverProps } = encodeIslandProps(
    info.name,
    props,
    (slotId, content) =>
      h(
        "frsh-slot",
        { "data-slot": `${index}:${slotId}` },
        h(EnterSlot, null),
        content as ComponentChildren,
        h(ExitSlot, null),
      ),
  );
  collector.islands.push({ info, props: encoded });
  const key = (props as { key?: unknown }).key ?? "";
  return h(
    Fragment,
    null,
    comment(
      `frsh:island:${info.name}:${index}:${String(key).replace(/[^\w-]/g, "")}`,
    ),
    h(EnterIsland, null),
    hRaw(info.component, serverProps),
    h(ExitIsland, null),
    comment("/frsh:island"),
  );
}

export interface RenderedPage {
  html: string;
  head: string;
  islands: RenderCollector["islands"];
}

/** Renders a finished vnode tree to HTML, collecting islands and `<Head>` content. */
export function renderTree(tree: VNode): RenderedPage {
  const collector: RenderCollector = {
    islands: [],
    head: [],
    islandDepth: 0,
    savedDepths: [],
  };
  const outer = activeRender;
  activeRender = collector;
  setHeadCollector((children) => collector.head.push(children));
  try {
    const html = renderToString(tree);
    activeRender = null; // head content is not an island context
    const head = collector.head.map((c) => renderToString(h(Fragment, null, c)))
      .join("");
    return { html, head, islands: collector.islands };
  } finally {
    activeRender = outer;
    setHeadCollector(null);
  }
}

/** Async components (pages, layouts, `_app`) are awaited up front; sync ones render normally. */
export async function callComponent<P>(
  component: ComponentType<P> | ((props: P) => Promise<ComponentChildren>),
  props: P,
): Promise<VNode> {
  if (component.constructor.name === "AsyncFunction") {
    const result = await (component as (p: P) => Promise<ComponentChildren>)(
      props,
    );
    return isValidElement(result) ? result : h(Fragment, null, result);
  }
  return h(
    component as ComponentType<Record<string, unknown>>,
    props as Record<string, unknown>,
  );
}

/** A component that returns an already-built vnode (the `Component` prop of layouts). */
export function constant(vnode: VNode): ComponentType {
  return () => vnode;
}

/** JSON for `<script type="application/json">`: `<` escaped so `</script` and `<!--` can't appear. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(
    /\u2028/g,
    "\\u2028",
  ).replace(/\u2029/g, "\\u2029");
}

/**
 * Puts `<Head>` content at the end of the document's `<head>`. A `<title>` given that way
 * replaces the one `_app` wrote: `_app` holds the default, a page says where you are.
 */
export function withHead(html: string, head: string): string {
  const end = html.indexOf("</head>");
  if (end === -1) return html + head;
  let before = html.slice(0, end);
  // Rendered text never holds a raw `<`, so the first `</title>` closes the element.
  if (/<title[\s>]/.test(head)) {
    before = before.replace(/<title[\s>][\s\S]*?<\/title>/, "");
  }
  return before + head + html.slice(end);
}
