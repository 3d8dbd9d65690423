/**
 * Checks API responses against the Mastodon API's OpenAPI description
 * (`shared/mastodon-openapi.json` beside the checkout, or `MASTODON_OPENAPI` when set), with ajv.
 *
 * Stable API for every test:
 *
 * ```ts
 * import { assertMatchesSchema, assertResponseMatches } from "../helpers/openapi.ts";
 * await assertMatchesSchema(body, "Account");              // a components/schemas entry
 * await assertMatchesSchema(list, "Account", { array: true }); // each item of a list
 * await assertResponseMatches("GET", "/api/v1/accounts/{id}", 200, body);
 * ```
 *
 * - `assertMatchesSchema(body, name, { array? })` validates `body` against
 *   `#/components/schemas/<name>` (or an array of it); throws an AssertionError listing each
 *   mismatch with its JSON path.
 * - `assertResponseMatches(method, pathTemplate, status, body)` finds the operation (path
 *   template exactly as in the document, e.g. `/api/v1/accounts/{id}/follow`), takes the JSON
 *   schema of that status's response (falling back to `default`), and validates `body`. Throws
 *   when the document has no such operation or response, so typos don't pass silently.
 * - `schemaNames()` lists the component schema names (for diagnostics); `DOCUMENT_PATH` is
 *   where the document was found (for a test that walks its paths).
 * - `groupIdsAsDocumented(body)`: Mastodon sends a notification group's
 *   `most_recent_notification_id` as a numeric string (64-bit ids don't fit a JSON number); the
 *   document says integer. Checks each is a numeric string and returns the body with a number
 *   there, for the validator.
 *
 * The document is OpenAPI 3.1 (JSON Schema 2020-12): it is compiled with Ajv2020, `strict: false`
 * (it carries `example`, `externalDocs`, `deprecated`), ajv-formats, and any format the document
 * invents (e.g. `scopes`) accepted as-is. Both functions are async because the document is loaded
 * and compiled once, lazily.
 */
import { AssertionError } from "node:assert";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/** `MASTODON_OPENAPI`, else `shared/` beside the checkout (as CI lays it), else the workplace's. */
export const DOCUMENT_PATH = Deno.env.get("MASTODON_OPENAPI") ??
  [
    new URL("../../../shared/mastodon-openapi.json", import.meta.url).pathname,
    "/work/shared/mastodon-openapi.json",
  ].find((path) => {
    try {
      return Deno.statSync(path).isFile;
    } catch {
      return false;
    }
  }) ?? "/work/shared/mastodon-openapi.json";
const DOCUMENT_ID = "https://starling.invalid/mastodon-openapi.json";

interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, unknown> };
}

interface OperationObject {
  responses?: Record<
    string,
    { content?: Record<string, { schema?: unknown }> }
  >;
}

interface Loaded {
  ajv: Ajv2020;
  document: OpenApiDocument;
  cache: Map<string, ValidateFunction>;
}

let loading: Promise<Loaded> | null = null;

function load(): Promise<Loaded> {
  loading ??= (async () => {
    const document = JSON.parse(
      await Deno.readTextFile(DOCUMENT_PATH),
    ) as OpenApiDocument;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const addFormats =
      (addFormatsModule as unknown as { default?: typeof addFormatsModule })
        .default ?? addFormatsModule;
    (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
    for (const format of collectFormats(document.components.schemas)) {
      if (!ajv.formats[format]) ajv.addFormat(format, true);
    }
    ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
    return { ajv, document, cache: new Map() };
  })();
  return loading;
}

function collectFormats(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) collectFormats(item, found);
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "format" && typeof value === "string") found.add(value);
      else collectFormats(value, found);
    }
  }
  return found;
}

/** Rewrites `#/components/...` references to point into the registered document. */
function absolutize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absolutize);
  if (node && typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === "$ref" && typeof value === "string" && value.startsWith("#/")
          ? `${DOCUMENT_ID}${value}`
          : absolutize(value);
    }
    return out;
  }
  return node;
}

function check(validate: ValidateFunction, body: unknown, what: string): void {
  if (validate(body)) return;
  const problems = (validate.errors ?? []).slice(0, 20).map((e) =>
    `  ${e.instancePath || "(root)"} ${e.message}${
      e.params && Object.keys(e.params).length
        ? ` ${JSON.stringify(e.params)}`
        : ""
    }`
  );
  throw new AssertionError({
    message: `Response does not match ${what}:\n${problems.join("\n")}\nbody: ${
      JSON.stringify(body).slice(0, 2000)
    }`,
  });
}

export function groupIdsAsDocumented(body: unknown): unknown {
  const groups = (body as { notification_groups?: Record<string, unknown>[] })
    ?.notification_groups;
  if (!groups) return body;
  for (const group of groups) {
    const id = group.most_recent_notification_id;
    if (typeof id !== "string" || !/^\d+$/.test(id)) {
      throw new AssertionError({
        message: `most_recent_notification_id is not a numeric string: ${
          JSON.stringify(id)
        }`,
      });
    }
  }
  return {
    ...body as object,
    notification_groups: groups.map((g) => ({
      ...g,
      most_recent_notification_id: 1,
    })),
  };
}

export async function schemaNames(): Promise<string[]> {
  return Object.keys((await load()).document.components.schemas);
}

/** Validates `body` against `#/components/schemas/<name>` (each item, with `array: true`). */
export async function assertMatchesSchema(
  body: unknown,
  name: string,
  options: { array?: boolean } = {},
): Promise<void> {
  const { ajv, document, cache } = await load();
  if (!(name in document.components.schemas)) {
    throw new Error(`No schema named ${name} in the OpenAPI document`);
  }
  const key = `${options.array ? "array:" : ""}${name}`;
  let validate = cache.get(key);
  if (!validate) {
    const ref = { $ref: `${DOCUMENT_ID}#/components/schemas/${name}` };
    validate = ajv.compile(options.array ? { type: "array", items: ref } : ref);
    cache.set(key, validate);
  }
  check(validate, body, options.array ? `${name}[]` : name);
}

/** Validates `body` against the documented response of `method pathTemplate` with `status`. */
export async function assertResponseMatches(
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
): Promise<void> {
  const { ajv, document, cache } = await load();
  const operation = document.paths[pathTemplate]?.[method.toLowerCase()];
  if (!operation) {
    throw new Error(
      `No operation ${method} ${pathTemplate} in the OpenAPI document`,
    );
  }
  const response = operation.responses?.[String(status)] ??
    operation.responses?.default;
  const schema = response?.content?.["application/json"]?.schema;
  if (!schema) {
    throw new Error(
      `No JSON schema for ${method} ${pathTemplate} → ${status} in the OpenAPI document`,
    );
  }
  const key = `${method.toUpperCase()} ${pathTemplate} ${status}`;
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(absolutize(schema) as object);
    cache.set(key, validate);
  }
  check(validate, body, key);
}
