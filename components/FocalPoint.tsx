/**
 * An image's focal point (Mastodon's `focus`: x from -1 at the left to 1 at the right, y from
 * -1 at the bottom to 1 at the top), the part kept when a preview crops it. Without JavaScript:
 * two number fields posted with the form. In the compose island: the same two fields, and the
 * preview becomes a button that sets both where it is clicked, with a marker there.
 */
import { fill } from "../lib/i18n/fill.ts";
import type { ComposeMessages } from "../lib/i18n/en/compose.ts";

export interface Focus {
  x: number;
  y: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Where a click at (left, top) in a box of (width, height) puts the focal point. */
export function focusAt(
  left: number,
  top: number,
  width: number,
  height: number,
): Focus {
  const clamp = (n: number) => Math.min(1, Math.max(-1, n));
  return {
    x: round(clamp((left / width) * 2 - 1)),
    y: round(clamp(1 - (top / height) * 2)),
  };
}

export function FocalPoint(
  { id, label, focus, onChange, previewUrl, labels: t }: {
    /** Unique per image: ids of the fields. */
    id: string;
    /** Names the image in the field labels ("image 1"). */
    label: string;
    /** The compose box's strings, in the page's language. */
    labels: ComposeMessages["box"];
    /** Set in the island; the no-JavaScript fields start blank (the centre). */
    focus?: Focus | null;
    onChange?: (focus: Focus) => void;
    previewUrl?: string;
  },
) {
  const field = (axis: "x" | "y", text: string) => (
    <label for={`${id}-focus-${axis}`} class="focal-field">
      {text}
      <input
        id={`${id}-focus-${axis}`}
        type="number"
        name={onChange ? undefined : `media_focus_${axis}`}
        min={-1}
        max={1}
        step={0.01}
        placeholder="0"
        value={focus ? String(focus[axis]) : undefined}
        onInput={onChange && ((e) => {
          const value = Number((e.target as HTMLInputElement).value);
          if (!Number.isFinite(value) || value < -1 || value > 1) {
            return;
          }
          onChange({ x: focus?.x ?? 0, y: focus?.y ?? 0, [axis]: value });
        })}
      />
    </label>
  );
  return (
    <div class="focal-point">
      {previewUrl && onChange && (
        <button
          type="button"
          class="focal-picker"
          aria-describedby={`${id}-focus-help`}
          onClick={(e) => {
            const box = (e.currentTarget as HTMLElement)
              .getBoundingClientRect();
            onChange(
              focusAt(
                e.clientX - box.left,
                e.clientY - box.top,
                box.width,
                box.height,
              ),
            );
          }}
        >
          {/* Decorative: the alt text beside it says what it shows. */}
          <img src={previewUrl} alt="" />
          <span class="visually-hidden">
            {fill(t.setFocalPointOf, { image: label })}
          </span>
          {focus && (
            <span
              class="focal-marker"
              aria-hidden="true"
              // Set through the DOM (not a style attribute), which the CSP allows.
              style={{
                left: `${((focus.x + 1) / 2) * 100}%`,
                top: `${((1 - focus.y) / 2) * 100}%`,
              }}
            />
          )}
        </button>
      )}
      <fieldset class="focal-fields">
        <legend>{fill(t.focalPointOf, { image: label })}</legend>
        <p id={`${id}-focus-help`} class="help">
          {previewUrl ? `${t.focalPointClick} ` : ""}
          {t.focalPointHelp}
        </p>
        {field("x", t.focalPointAcross)}
        {field("y", t.focalPointUp)}
      </fieldset>
    </div>
  );
}
