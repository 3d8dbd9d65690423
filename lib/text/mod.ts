/**
 * Text in and out for statuses and profiles: HTML sanitising, plain text,
 * composing local statuses (mentions, hashtags, links), domain names.
 *
 * @module
 */
export { safeHref, sanitizeHtml } from "./sanitize.ts";
export { escapeHtml, htmlToPlainText } from "./plain.ts";
export {
  countStatusLength,
  type ExtractedMention,
  extractHashtags,
  extractMentions,
  extractUrls,
  type FormatOptions,
  formatStatus,
  type FormattedMention,
  type FormattedStatus,
  linkHtml,
  normalizeHashtag,
  URL_LENGTH,
} from "./compose.ts";
export { normalizeDomain, sameDomain } from "./domain.ts";
export { type HtmlSink, walkHtml } from "./html-walk.ts";
export { linkedUrls } from "./links.ts";
