/**
 * `/icons.svg?v=…`: every UI icon as one SVG sprite (components/Icon.tsx), which pages use by
 * `<use href>`. The URL carries the icons' version, so the current one is cached for good and
 * an old page asking for an old version gets today's file, briefly cached.
 */
import { define } from "../utils.ts";
import { ICON_SPRITE_VERSION, iconSprite } from "../components/Icon.tsx";

const SPRITE = iconSprite();

export const handler = define.handlers({
  GET(ctx) {
    const current = ctx.url.searchParams.get("v") === ICON_SPRITE_VERSION;
    return new Response(SPRITE, {
      headers: {
        "content-type": "image/svg+xml; charset=utf-8",
        "cache-control": current
          ? "public, max-age=31536000, immutable"
          : "public, max-age=300",
      },
    });
  },
});
