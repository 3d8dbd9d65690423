/**
 * Attachments as Mastodon sends and reads them: a `Document` with `blurhash` and `focalPoint`.
 * Fedify's vocabulary has no properties for either, so `MediaDocument` adds them to the JSON-LD
 * Fedify builds. Mastodon reads the plain keys only (`blurhash`, `focalPoint`), not JSON-LD, and
 * Fedify compacts a Note with its own context, which has no such terms: the object would say
 * `toot:blurhash`. So the documents we serve and send at the top (Note, Question, Create, Update)
 * are the `WithMediaTerms` subclasses below, which add Mastodon's term definitions to the
 * context and use the plain keys — the same statements, in the spelling Mastodon reads.
 * `mediaTermsOf` reads both from a remote attachment's JSON (`from-ap.ts`).
 */
import { Create, Document, Note, Question, Update } from "@fedify/vocab";

const TOOT = "http://joinmastodon.org/ns#";

/** Mastodon's own definitions of the two terms (as in its `@context`). */
const MEDIA_TERMS = {
  toot: TOOT,
  blurhash: "toot:blurhash",
  focalPoint: { "@container": "@list", "@id": "toot:focalPoint" },
};

export interface MediaExtras {
  blurhash: string | null;
  focalPoint: [number, number] | null;
}

export class MediaDocument extends Document {
  // Not carried by `clone()` (Fedify clones activities, whose attachments are shared as they are).
  #extras: MediaExtras;

  constructor(
    values: ConstructorParameters<typeof Document>[0],
    extras: MediaExtras,
  ) {
    super(values);
    this.#extras = extras;
  }

  // deno-lint-ignore no-explicit-any
  override async toJsonLd(options: any = {}): Promise<unknown> {
    // deno-lint-ignore no-explicit-any
    const json: any = await super.toJsonLd(options);
    const { blurhash, focalPoint } = this.#extras ?? {};
    if (!blurhash && !focalPoint) return json;
    if (options.format === "expand" || Array.isArray(json)) {
      const node = Array.isArray(json) ? json[0] : json;
      if (blurhash) node[`${TOOT}blurhash`] = [{ "@value": blurhash }];
      if (focalPoint) {
        node[`${TOOT}focalPoint`] = [{
          "@list": focalPoint.map((v) => ({ "@value": v })),
        }];
      }
      return json;
    }
    return withMediaTerms({
      ...json,
      ...(blurhash ? { [`${TOOT}blurhash`]: blurhash } : {}),
      ...(focalPoint ? { [`${TOOT}focalPoint`]: { "@list": focalPoint } } : {}),
    });
  }
}

const BLURHASH_KEYS = ["toot:blurhash", `${TOOT}blurhash`];
const FOCAL_POINT_KEYS = ["toot:focalPoint", `${TOOT}focalPoint`];

/**
 * Compacted JSON-LD with `toot:blurhash` / `toot:focalPoint` keys (wherever nested) rewritten
 * to the plain terms, and the terms defined in the top-level context. Anything else (expanded
 * output, documents without either key) is returned as it is.
 */
export function withMediaTerms(json: unknown): unknown {
  if (!json || typeof json !== "object" || Array.isArray(json)) return json;
  let found = false;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (BLURHASH_KEYS.includes(key)) {
        found = true;
        out.blurhash = item;
      } else if (FOCAL_POINT_KEYS.includes(key)) {
        found = true;
        // A list compacted without the term's `@list` container comes as `{"@list": [...]}`.
        out.focalPoint = (item as { "@list"?: unknown })?.["@list"] ?? item;
      } else if (key === "@context") {
        out[key] = item;
      } else {
        out[key] = rewrite(item);
      }
    }
    return out;
  };
  const rewritten = rewrite(json) as Record<string, unknown>;
  if (!found) return json;
  const context = rewritten["@context"];
  rewritten["@context"] = [
    ...(Array.isArray(context) ? context : context ? [context] : []),
    MEDIA_TERMS,
  ];
  return rewritten;
}

/**
 * `blurhash` and `focalPoint` (as `{x, y}`, Mastodon's `meta.focus`) of one attachment's JSON as
 * received: keys as Mastodon sends them, or prefixed / expanded under other contexts.
 */
export function mediaTermsOf(attachment: unknown): {
  blurhash: string | null;
  focus: { x: number; y: number } | null;
} {
  const a = (attachment ?? {}) as Record<string, unknown>;
  const blurhash = unwrapValue(
    a.blurhash ?? a[BLURHASH_KEYS[0]] ?? a[BLURHASH_KEYS[1]],
  );
  return {
    blurhash: typeof blurhash === "string" && blurhash.length <= 100
      ? blurhash
      : null,
    focus: focusOf(
      a.focalPoint ?? a[FOCAL_POINT_KEYS[0]] ?? a[FOCAL_POINT_KEYS[1]],
    ),
  };
}

/** `x`, `[x]`, `{"@value": x}` or `[{"@value": x}]` → x. */
function unwrapValue(value: unknown): unknown {
  const single = Array.isArray(value) ? value[0] : value;
  return single && typeof single === "object" && "@value" in single
    ? (single as { "@value": unknown })["@value"]
    : single;
}

/** `[x, y]` (also as an `@list`, maybe expanded) within -1..1 → `{x, y}`; anything else null. */
function focusOf(value: unknown): { x: number; y: number } | null {
  let list = value;
  if (Array.isArray(list) && list.length === 1) list = list[0];
  if (list && typeof list === "object" && "@list" in list) {
    list = (list as { "@list": unknown })["@list"];
  }
  if (!Array.isArray(list) || list.length !== 2) return null;
  const [x, y] = list.map(unwrapValue);
  const inRange = (n: unknown): n is number =>
    typeof n === "number" && Number.isFinite(n) && n >= -1 && n <= 1;
  return inRange(x) && inRange(y) ? { x, y } : null;
}

// The documents that carry attachments at the top: what the object dispatcher serves and what
// `sendActivity` delivers. `clone()` builds `new this.constructor`, so the subclass survives it.

export class NoteWithMediaTerms extends Note {
  // deno-lint-ignore no-explicit-any
  override async toJsonLd(options: any = {}): Promise<unknown> {
    return withMediaTerms(await super.toJsonLd(options));
  }
}

export class QuestionWithMediaTerms extends Question {
  // deno-lint-ignore no-explicit-any
  override async toJsonLd(options: any = {}): Promise<unknown> {
    return withMediaTerms(await super.toJsonLd(options));
  }
}

export class CreateWithMediaTerms extends Create {
  // deno-lint-ignore no-explicit-any
  override async toJsonLd(options: any = {}): Promise<unknown> {
    return withMediaTerms(await super.toJsonLd(options));
  }
}

export class UpdateWithMediaTerms extends Update {
  // deno-lint-ignore no-explicit-any
  override async toJsonLd(options: any = {}): Promise<unknown> {
    return withMediaTerms(await super.toJsonLd(options));
  }
}
