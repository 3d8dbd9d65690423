/**
 * The one gate for URLs another server gives us that we show as a link or load as an image
 * (profile and post URLs, avatars, headers, attachments, mention and tag links): only absolute
 * `https:` and `http:` URLs pass. `javascript:`, `vbscript:`, `data:` and every other scheme
 * would run or render in the reader's browser or app, whichever case, spacing or encoding the
 * peer dressed it in. HTML links inside content are the sanitiser's business (`sanitize.ts`).
 *
 * @module
 */

/**
 * The URL, normalised (`URL.href`), when it is an absolute `https:` or `http:` URL; otherwise
 * null. What we store and serve is the normalised form, so it always starts with the scheme we
 * checked, whatever the browser would have made of the raw text.
 */
export function webUrl(value: string | URL | null | undefined): string | null {
  if (value == null) return null;
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    return null; // relative or unparsable
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (!url.hostname) return null;
  return url.href;
}
