import type { UiMedia } from "./mastodon.ts";
import { mediaSummary } from "./format.ts";
import { fill } from "../lib/i18n/fill.ts";
import type { Messages } from "../lib/i18n/messages.ts";

/** The strings of a gallery, from the post's labels (strings only: islands render posts too). */
export type MediaLabels = Pick<
  Messages["status"],
  "sensitiveContent" | "showMedia" | "mediaAttachment" | "mediaNouns"
>;

/**
 * A post's attachments. `hidden` (sensitive media without a content warning) puts them behind
 * a "show" switch that works without JavaScript (`<details>`), saying what is there.
 */
export function MediaGallery(
  { media, hidden = false, labels }: {
    media: UiMedia[];
    hidden?: boolean;
    labels: MediaLabels;
  },
) {
  if (!hidden) return <Gallery media={media} labels={labels} />;
  return (
    <details class="sensitive-media">
      <summary>
        <span class="sensitive-label">{labels.sensitiveContent}</span>{" "}
        <span class="sensitive-what">
          ({mediaSummary(media, labels.mediaNouns)})
        </span>{" "}
        <span class="sensitive-show">{labels.showMedia}</span>
      </summary>
      <Gallery media={media} labels={labels} />
    </details>
  );
}

/** Images with their alt text visible under them, as a caption everyone can read. */
function Gallery(
  { media, labels }: { media: UiMedia[]; labels: MediaLabels },
) {
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
                {fill(labels.mediaAttachment, { type: m.type })}
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
