// Browser boot module, bundled by esbuild. Reads the page's island state,
// imports the island modules it names and hydrates each region between the
// server's `<!--frsh:island:NAME:INDEX:KEY-->` … `<!--/frsh:island-->` markers.
/// <reference lib="dom" />
import { type ComponentType, h, hydrate } from "preact";
import { decodeIslandProps } from "../serialize.ts";

interface IslandState {
  base: string;
  buildId: string;
  islands: { name: string; props: Record<string, unknown> }[];
  modules: Record<string, { file: string; exportName: string }>;
}

interface Region {
  name: string;
  index: number;
  start: Comment;
  end: Comment;
}

/** Finds marker pairs in document order (outer islands before nested ones). */
function findRegions(root: Node): Region[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const open: { name: string; index: number; start: Comment }[] = [];
  const regions: Region[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Comment).data;
    if (text.startsWith("frsh:island:")) {
      const [, , name, index] = text.split(":");
      open.push({ name, index: Number(index), start: node as Comment });
    } else if (text === "/frsh:island") {
      const region = open.pop();
      if (region) regions.push({ ...region, end: node as Comment });
    }
  }
  return regions.sort((a, b) =>
    a.start.compareDocumentPosition(b.start) & Node.DOCUMENT_POSITION_FOLLOWING
      ? -1
      : 1
  );
}

/**
 * A stand-in parent that makes Preact render into the sibling range between
 * two markers instead of a whole element (the same trick as Fresh's).
 */
function rangeParent(start: Comment, end: Comment): Element {
  const parent = start.parentNode!;
  const children = (): Node[] => {
    const nodes: Node[] = [];
    for (let n = start.nextSibling; n && n !== end; n = n.nextSibling) {
      nodes.push(n);
    }
    return nodes;
  };
  const insert = (child: Node, before?: Node | null) =>
    parent.insertBefore(child, before ?? end);
  return {
    nodeType: 1,
    parentNode: parent,
    namespaceURI: (parent as Element).namespaceURI,
    ownerDocument: document,
    get firstChild() {
      return children()[0] ?? null;
    },
    get childNodes() {
      return children();
    },
    insertBefore: insert,
    appendChild: (child: Node) => insert(child, null),
    removeChild: (child: Node) => parent.removeChild(child),
    contains: (node: Node) =>
      children().some((c) => c === node || c.contains(node)),
  } as unknown as Element;
}

async function boot() {
  const script = document.getElementById("__FRSH_STATE");
  if (!script?.textContent) return;
  const state = JSON.parse(script.textContent) as IslandState;
  (globalThis as { __FRSH_BUILD_ID?: string }).__FRSH_BUILD_ID = state.buildId;

  const components = new Map<string, ComponentType>();
  await Promise.all(
    Object.entries(state.modules).map(async ([name, { file, exportName }]) => {
      const module = await import(state.base + file);
      components.set(name, module[exportName]);
    }),
  );

  for (const region of findRegions(document.body)) {
    const island = state.islands[region.index];
    const component = components.get(region.name);
    if (!island || !component) continue;
    const props = decodeIslandProps(island.props, (slotId) => {
      const id = `${region.index}:${slotId}`;
      const element = document.querySelector(`frsh-slot[data-slot="${id}"]`);
      // Slots are server HTML: Preact keeps matching innerHTML as it is.
      return h("frsh-slot", {
        "data-slot": id,
        dangerouslySetInnerHTML: { __html: element?.innerHTML ?? "" },
      });
    });
    try {
      hydrate(h(component, props), rangeParent(region.start, region.end));
    } catch (error) {
      console.error(`Hydrating island ${region.name} failed`, error);
    }
  }
}

boot();
