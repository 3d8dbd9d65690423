/**
 * Request parameters as Mastodon apps send them: query string (also on POST, as Mammoth does),
 * JSON, form-urlencoded or multipart bodies; arrays as `ids[]`, `ids` or `ids[0]`; nested keys like
 * `poll[options][]` or `fields_attributes[0][name]`; `null` for an absent optional field;
 * booleans as `true`, `"true"`, `"1"`, `"on"`.
 */
import { ApiError } from "./errors.ts";

type Value = string | File;

export class Params {
  /** Flat form-style entries, keyed by the full bracketed name (`poll[options][]`). */
  #entries = new Map<string, Value[]>();
  /** The parsed JSON body, when the body was JSON. */
  #json: Record<string, unknown> = {};

  static async from(req: Request, url = new URL(req.url)): Promise<Params> {
    const params = new Params();
    for (const [key, value] of url.searchParams) params.#add(key, value);
    if (req.method === "GET" || req.method === "HEAD" || !req.body) {
      return params;
    }
    const type =
      req.headers.get("content-type")?.split(";")[0].trim().toLowerCase() ?? "";
    const text = type.startsWith("multipart/") ? null : await req.text();
    if (text === null) {
      let form: FormData;
      try {
        form = await req.formData();
      } catch {
        throw new ApiError(400, "The request body could not be parsed");
      }
      for (const [key, value] of form) params.#add(key, value);
    } else if (
      type === "application/json" || type.endsWith("+json") ||
      // No type, or fetch's default `text/plain` for a string body: sniff for JSON.
      ((!type || type === "text/plain") && /^\s*[{[]/.test(text))
    ) {
      if (text.trim() === "") return params;
      try {
        const parsed = JSON.parse(text);
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
          params.#json = parsed;
        }
      } catch {
        throw new ApiError(400, "The request body is not valid JSON");
      }
    } else {
      for (const [key, value] of new URLSearchParams(text)) {
        params.#add(key, value);
      }
    }
    return params;
  }

  static fromObject(object: Record<string, unknown>): Params {
    const params = new Params();
    params.#json = object;
    return params;
  }

  #add(key: string, value: Value) {
    const list = this.#entries.get(key);
    if (list) list.push(value);
    else this.#entries.set(key, [value]);
  }

  /**
   * An array sent with indexes, `name[0]`, `name[1]` (masto.js's multipart bodies), in index
   * order; undefined when there is none.
   */
  #indexed(name: string): Value[] | undefined {
    const found: [number, Value][] = [];
    for (const [key, values] of this.#entries) {
      if (!key.startsWith(`${name}[`)) continue;
      const index = /^\[(\d+)\]$/.exec(key.slice(name.length))?.[1];
      if (index !== undefined) found.push([Number(index), values.at(-1)!]);
    }
    if (found.length === 0) return undefined;
    return found.sort(([a], [b]) => a - b).map(([, value]) => value);
  }

  /** The raw value at a path (`["poll", "options"]`), from JSON or form entries. */
  raw(...path: string[]): unknown {
    let node: unknown = this.#json;
    for (const key of path) {
      node = node && typeof node === "object"
        ? (node as Record<string, unknown>)[key]
        : undefined;
    }
    if (node !== undefined) return node;
    const name = path[0] + path.slice(1).map((k) => `[${k}]`).join("");
    const values = this.#entries.get(name) ?? this.#entries.get(`${name}[]`);
    if (!values) return this.#indexed(name);
    return this.#entries.has(`${name}[]`) ? values : values[values.length - 1];
  }

  has(...path: string[]): boolean {
    const value = this.raw(...path);
    return value !== undefined && value !== null;
  }

  string(...path: string[]): string | undefined {
    const value = this.raw(...path);
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) {
      return value.length ? String(value[value.length - 1]) : undefined;
    }
    if (value instanceof File) return undefined;
    return String(value);
  }

  boolean(...path: string[]): boolean | undefined {
    const value = this.raw(...path);
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "boolean") return value;
    const text = String(value).toLowerCase();
    return ["true", "1", "on", "yes", "t"].includes(text);
  }

  integer(...path: string[]): number | undefined {
    const value = this.string(...path);
    if (value === undefined || value === "") return undefined;
    const number = Number(value);
    return Number.isFinite(number) ? Math.trunc(number) : undefined;
  }

  /** An array parameter, given as `name[]`, repeated `name`, a JSON array, or one value. */
  array(...path: string[]): string[] {
    const value = this.raw(...path);
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) {
      return value.filter((v) => v !== null).map(String);
    }
    if (typeof value === "object" && !(value instanceof File)) {
      // `{"0": "a", "1": "b"}` — Rails-style indexed hashes.
      return Object.values(value as Record<string, unknown>).map(String);
    }
    return [String(value)];
  }

  file(...path: string[]): File | undefined {
    const value = this.raw(...path);
    return value instanceof File ? value : undefined;
  }

  /**
   * Indexed nested records such as `fields_attributes[0][name]` (form) or
   * `fields_attributes: [{name}]` / `{"0": {name}}` (JSON), in index order; also the unindexed
   * form `media_attributes[][id]=…&media_attributes[][description]=…`, the n-th value of each
   * key going to the n-th record.
   */
  records(name: string): Record<string, string>[] {
    const json = this.#json[name];
    if (Array.isArray(json)) return json.map((r) => stringRecord(r));
    if (json && typeof json === "object") {
      return Object.entries(json as Record<string, unknown>)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, r]) => stringRecord(r));
    }
    const byIndex = new Map<string, Record<string, string>>();
    const pattern = new RegExp(`^${name}\\[(\\d+)\\]\\[(\\w+)\\]$`);
    const unindexed = new RegExp(`^${name}\\[\\]\\[(\\w+)\\]$`);
    const loose: Record<string, string>[] = [];
    for (const [key, values] of this.#entries) {
      const field = unindexed.exec(key)?.[1];
      if (field) {
        values.forEach((value, i) => (loose[i] ??= {})[field] = String(value));
        continue;
      }
      const match = pattern.exec(key);
      if (!match) continue;
      const record = byIndex.get(match[1]) ?? {};
      record[match[2]] = String(values[values.length - 1]);
      byIndex.set(match[1], record);
    }
    return [
      ...[...byIndex.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(
        ([, r]) => r,
      ),
      ...loose,
    ];
  }
}

function stringRecord(value: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (v !== null && v !== undefined) record[k] = String(v);
    }
  }
  return record;
}
