// Island props on the wire. Allowed: JSON-safe values plus Date, URL and JSX
// (which becomes a server-rendered slot). Anything else is a render-time error
// naming the island and the prop path, so mistakes show up on the server, not
// as a silently broken island in the browser. Shared by server and browser.
import { isValidElement } from "preact";

/** Marks tagged values; a plain object may not use this key itself. */
export const TAG = "__frsh";

type Encoded =
  | null
  | string
  | number
  | boolean
  | Encoded[]
  | { [key: string]: Encoded };

export class IslandPropError extends Error {
  constructor(island: string, path: string, reason: string) {
    super(`Island "${island}": prop "${path}" ${reason}`);
    this.name = "IslandPropError";
  }
}

function describe(value: unknown): string {
  if (typeof value === "function") return "is a function";
  if (typeof value === "bigint") return "is a bigint";
  if (typeof value === "symbol") return "is a symbol";
  if (typeof value === "number") return `is ${value} (not a finite number)`;
  if (value === undefined) return "is undefined";
  const name = (value as object).constructor?.name ?? "null-prototype object";
  return `is a ${name} instance`;
}

/**
 * Encodes props for the page's JSON state. `makeSlot(id, vnode)` returns what
 * the server renders in place of a JSX value.
 */
export function encodeIslandProps(
  island: string,
  props: Record<string, unknown>,
  makeSlot: (slotId: number, content: unknown) => unknown,
): { encoded: Record<string, Encoded>; serverProps: Record<string, unknown> } {
  let nextSlot = 0;
  const fail = (path: string, value: unknown, reason = describe(value)) => {
    throw new IslandPropError(
      island,
      path,
      `${reason}; island props must be JSON values, Date, URL or JSX`,
    );
  };

  // Returns [wire value, value the server renders with].
  const walk = (value: unknown, path: string): [Encoded, unknown] => {
    if (
      value === null || typeof value === "string" || typeof value === "boolean"
    ) {
      return [value, value];
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value)) fail(path, value);
      return [value, value];
    }
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        fail(path, value, "is an invalid Date");
      }
      return [{ [TAG]: "Date", v: value.toISOString() }, value];
    }
    if (value instanceof URL) return [{ [TAG]: "URL", v: value.href }, value];
    if (isValidElement(value)) {
      const id = nextSlot++;
      return [{ [TAG]: "Slot", v: id }, makeSlot(id, value)];
    }
    if (Array.isArray(value)) {
      const encoded: Encoded[] = [];
      const server: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        if (!(i in value) || value[i] === undefined) {
          fail(`${path}[${i}]`, undefined);
        }
        const [e, s] = walk(value[i], `${path}[${i}]`);
        encoded.push(e);
        server.push(s);
      }
      return [encoded, server];
    }
    if (typeof value === "object") {
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) fail(path, value);
      const [encoded, server] = walkObject(
        value as Record<string, unknown>,
        path,
      );
      return [encoded, server];
    }
    return fail(path, value) as never;
  };

  const walkObject = (
    object: Record<string, unknown>,
    path: string,
  ): [Record<string, Encoded>, Record<string, unknown>] => {
    const encoded: Record<string, Encoded> = {};
    const server: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(object)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key === TAG) fail(childPath, value, `uses the reserved key "${TAG}"`);
      if (value === undefined) continue; // as JSON.stringify does
      [encoded[key], server[key]] = walk(value, childPath);
    }
    return [encoded, server];
  };

  const { key: _key, ref: _ref, ...rest } = props;
  const [encoded, serverProps] = walkObject(rest, "");
  return { encoded, serverProps };
}

/** Browser side: rebuilds Date/URL and asks `slot(id)` for each JSX slot. */
export function decodeIslandProps(
  encoded: Record<string, unknown>,
  slot: (slotId: number) => unknown,
): Record<string, unknown> {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    switch (record[TAG]) {
      case "Date":
        return new Date(record.v as string);
      case "URL":
        return new URL(record.v as string);
      case "Slot":
        return slot(record.v as number);
    }
    return Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k, walk(v)]),
    );
  };
  return walk(encoded) as Record<string, unknown>;
}
