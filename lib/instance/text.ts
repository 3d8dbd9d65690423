/**
 * The instance's long texts (about, privacy policy, terms of service) are written as plain
 * text: blank lines separate paragraphs, URLs become links. Rendered here, escaped, so no
 * admin input reaches a page or an API as raw HTML.
 */
import { formatStatus } from "../text/mod.ts";

export function renderInstanceText(text: string, origin: string): string {
  return formatStatus(text, {
    resolveMention: () => null,
    tagUrl: (name) => `${origin}/tags/${encodeURIComponent(name)}`,
  }).html;
}
