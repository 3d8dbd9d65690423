/**
 * Images on a post being written. Without JavaScript: four file inputs with an alt text field
 * and a focal point each, posted with the form (multipart). With it: a picker button, then a preview of each chosen
 * image (an object URL, hence `blob:` in the page's img-src) with its alt text, its focal point
 * and a remove button.
 */
import { useRef } from "preact/hooks";
import { FocalPoint, type Focus } from "./FocalPoint.tsx";
import { fill } from "../lib/i18n/fill.ts";
import type { ComposeMessages } from "../lib/i18n/en/compose.ts";

type Labels = ComposeMessages["box"];

export const MAX_ATTACHMENTS = 4;
/** The image types the server takes (lib/media/limits.ts). */
const ACCEPT = "image/jpeg,image/png,image/gif,image/webp,image/avif";
const ALT_LIMIT = 1500;

export interface Attachment {
  file: File;
  /** `URL.createObjectURL(file)`, revoked when the image is removed or posted. */
  previewUrl: string;
  description: string;
  /** Where the picture matters most; null leaves the centre. */
  focus: Focus | null;
}

/** The no-JavaScript fields: `media` and `media_description`, paired by position. */
export function MediaFields({ id, labels: t }: { id: string; labels: Labels }) {
  const slots = Array.from({ length: MAX_ATTACHMENTS }, (_, i) => i + 1);
  return (
    <details class="compose-media">
      <summary>{t.attachImages}</summary>
      {slots.map((n) => (
        <div class="compose-media-slot">
          <label for={`${id}-media-${n}`}>{fill(t.image, { n })}</label>
          <input
            id={`${id}-media-${n}`}
            type="file"
            name="media"
            accept={ACCEPT}
          />
          <label for={`${id}-alt-${n}`}>{fill(t.altTextFor, { n })}</label>
          <textarea
            id={`${id}-alt-${n}`}
            name="media_description"
            rows={2}
            maxLength={ALT_LIMIT}
          />
          <FocalPoint
            id={`${id}-media-${n}`}
            label={fill(t.imageInSentence, { n })}
            labels={t}
          />
        </div>
      ))}
    </details>
  );
}

export function MediaPicker(
  { id, attachments, onChange, disabled, labels: t }: {
    id: string;
    labels: Labels;
    attachments: Attachment[];
    onChange: (attachments: Attachment[]) => void;
    disabled: boolean;
  },
) {
  const picker = useRef<HTMLInputElement>(null);
  const room = MAX_ATTACHMENTS - attachments.length;

  function pick(event: Event) {
    const input = event.target as HTMLInputElement;
    const chosen = [...(input.files ?? [])].slice(0, room);
    input.value = ""; // choosing the same file again still fires `change`
    onChange([
      ...attachments,
      ...chosen.map((file) => ({
        file,
        previewUrl: URL.createObjectURL(file),
        description: "",
        focus: null,
      })),
    ]);
  }

  function remove(index: number) {
    URL.revokeObjectURL(attachments[index].previewUrl);
    onChange(attachments.filter((_, i) => i !== index));
  }

  function change(index: number, changes: Partial<Attachment>) {
    onChange(
      attachments.map((a, i) => i === index ? { ...a, ...changes } : a),
    );
  }

  return (
    <div class="compose-media">
      <input
        ref={picker}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        aria-label={t.imagesToAttach}
        onChange={pick}
      />
      <button
        type="button"
        class="secondary small"
        disabled={disabled || room <= 0}
        onClick={() => picker.current?.click()}
        aria-describedby={`${id}-media-limit`}
      >
        {t.addImages}
      </button>
      <span id={`${id}-media-limit`} class="compose-media-limit">
        {fill(room > 0 ? t.upToImages : t.imagesFull, {
          max: MAX_ATTACHMENTS,
        })}
      </span>
      {attachments.length > 0 && (
        <ul class="compose-attachments">
          {attachments.map((a, i) => (
            <li key={a.previewUrl}>
              <FocalPoint
                id={`${id}-media-${i + 1}`}
                label={fill(t.imageInSentence, { n: i + 1 })}
                labels={t}
                focus={a.focus}
                previewUrl={a.previewUrl}
                onChange={(focus) => change(i, { focus })}
              />
              <label for={`${id}-alt-${i + 1}`}>
                {fill(t.altTextFor, { n: i + 1 })}
              </label>
              <textarea
                id={`${id}-alt-${i + 1}`}
                rows={2}
                maxLength={ALT_LIMIT}
                placeholder={t.altTextPlaceholder}
                value={a.description}
                onInput={(e) =>
                  change(i, {
                    description: (e.target as HTMLTextAreaElement).value,
                  })}
              />
              <button
                type="button"
                class="secondary small"
                onClick={() => remove(i)}
              >
                {fill(t.removeImage, { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
