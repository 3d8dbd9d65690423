import type { UiMedia } from "./mastodon.ts";
import { mediaSummary } from "./format.ts";

/**
 * A post's attachments. `hidden` (sensitive media without a content warning) puts them behind
 * a "show" switch that works without JavaScript (`<details>`), saying what is there.
 */
export function MediaGallery(
  { media, hidden = false }: { media: UiMedia[]; hidden?: boolean },
) {
  if (!hidden) return <Gallery media={media} />;
  return (
    <details class="sensitive-media">
      <summary>
        <span class="sensitive-label">Sensitive content</span>{" "}
        <span class="sensitive-what">({mediaSummary(media)})</span>{" "}
        <span class="sensitive-show">Show</span>
      </summary>
      <Gallery media={media} />
    </details>
  );
}

/** Images with their alt text visible under them, as a caption everyone can read. */
function Gallery({ media }: { media: UiMedia[] }) {
  return (
    <div class={`media-gallery count-${Math.min(media.length, 4)}`}>
      {media.map((m) => (
        <figure class="media">
          {m.type === "image" || m.type === "gifv"
            ? (
              <a href={m.url ?? "#"}>
                <img
                  src={m.preview_url ?? m.url ?? ""}
                  alt={m.description ?? ""}
                  loading="lazy"
                  // The preview's size reserves its box before it loads (no jump; room
                  // for a blurhash placeholder), as Mastodon's meta.small gives it.
                  width={m.meta?.small?.width}
                  height={m.meta?.small?.height}
                />
              </a>
            )
            : (
              <a href={m.url ?? "#"} class="media-link">
                {m.type} attachment
              </a>
            )}
          {m.description && (
            <figcaption class="alt-text">
              <span class="alt-badge" aria-hidden="true">ALT</span>{" "}
              {m.description}
            </figcaption>
          )}
        </figure>
      ))}
    </div>
  );
}
