/**
 * An attachment as Mastodon sends it: a `Document` with `blurhash` and `focalPoint`, which
 * Fedify's vocabulary has no properties for. They are added to the expanded JSON-LD Fedify builds
 * before compacting, so they come out as `toot:blurhash` / `toot:focalPoint` (the same IRIs as
 * Mastodon's `blurhash` / `focalPoint` terms). `from-ap.ts` reads either spelling; Mastodon itself
 * reads only the short `blurhash` key (see the note in the media report/README).
 */
import { Document } from "@fedify/vocab";

const TOOT = "http://joinmastodon.org/ns#";

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
    const context = Array.isArray(json["@context"])
      ? [...json["@context"]]
      : json["@context"]
      ? [json["@context"]]
      : [];
    context.push({
      toot: TOOT,
      blurhash: "toot:blurhash",
      focalPoint: { "@container": "@list", "@id": "toot:focalPoint" },
    });
    return {
      ...json,
      "@context": context,
      ...(blurhash ? { blurhash } : {}),
      ...(focalPoint ? { focalPoint } : {}),
    };
  }
}
