/**
 * A `MailContent` as a mail: the plain-text part (links written out in full, so they work in
 * any client) and an HTML part with the same words, the action as a button.
 */
import { escapeHtml } from "../text/mod.ts";
import type { MailContent } from "./content.ts";
import type { OutgoingMail } from "./transport.ts";

export function renderMail(
  to: string,
  content: MailContent,
  options: { host: string; origin: string; headers?: Record<string, string> },
): OutgoingMail {
  return {
    to,
    subject: content.subject,
    text: renderText(content, options.origin),
    html: renderHtml(content, options),
    headers: options.headers,
  };
}

function renderText(content: MailContent, origin: string): string {
  const parts = [...content.body];
  if (content.action) {
    parts.push(`${content.action.label}:\n${content.action.url}`);
  }
  parts.push(...content.after ?? []);
  parts.push(`-- \n${origin}`);
  if (content.footer?.length) parts.push(content.footer.join("\n"));
  return parts.join("\n\n") + "\n";
}

/** Text with line breaks kept, and any URL in it made a link. */
function paragraph(text: string, style = ""): string {
  const html = escapeHtml(text)
    .replace(
      /https?:\/\/[^\s<]+/g,
      (url) => `<a href="${url}">${url}</a>`,
    )
    .replace(/\n/g, "<br>");
  return `<p style="margin:0 0 16px;${style}">${html}</p>`;
}

function renderHtml(
  content: MailContent,
  options: { host: string; origin: string },
): string {
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${
      escapeHtml(content.action.url)
    }" style="background:#4f46e5;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${
      escapeHtml(content.action.label)
    }</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555">${
      escapeHtml(content.action.url)
    }</p>`
    : "";
  const small = "font-size:13px;color:#555";
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${
    escapeHtml(content.subject)
  }</title></head>
<body style="margin:0;padding:24px;background:#f4f4f7;font-family:system-ui,sans-serif;color:#1f2328">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 24px;font-weight:700"><a href="${
    escapeHtml(options.origin)
  }" style="color:#1f2328;text-decoration:none">✦ ${
    escapeHtml(options.host)
  }</a></p>
${content.body.map((p) => paragraph(p)).join("\n")}
${action}
${(content.after ?? []).map((p) => paragraph(p)).join("\n")}
${(content.footer ?? []).map((p) => paragraph(p, small)).join("\n")}
</div>
</body></html>
`;
}
