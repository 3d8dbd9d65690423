/**
 * The instance's long texts (about, privacy policy, terms of service) are written as plain
 * text: blank lines separate paragraphs, URLs become links. Rendered here, escaped, so no
 * admin input reaches a page or an API as raw HTML.
 */
import { formatStatus } from "../text/mod.ts";
import type { InstanceSettings } from "./settings.ts";

export function renderInstanceText(text: string, origin: string): string {
  return formatStatus(text, {
    resolveMention: () => null,
    tagUrl: (name) => `${origin}/tags/${encodeURIComponent(name)}`,
  }).html;
}

/** A rendered long text and when it last changed (Mastodon's ExtendedDescription, PrivacyPolicy). */
export interface RenderedText {
  content: string;
  updatedAt: Date;
}

/** Shown until an admin writes a privacy policy. The host needs no escaping (parsed ORIGIN). */
function defaultPrivacyPolicy(host: string): string {
  return `<p>${host} stores what you give it to run your account: your e-mail address, ` +
    `password hash, profile, posts, media and follows. Public posts and profiles are ` +
    `shared with other servers in the fediverse; followers-only and direct posts go only ` +
    `to their audience's servers. Server operators can read everything stored here.</p>`;
}

const NEVER = new Date(0);
const DEFAULT_POLICY_DATE = new Date("2025-01-01T00:00:00.000Z");

export function extendedDescriptionOf(
  settings: InstanceSettings,
  origin: string,
): RenderedText {
  return {
    content: renderInstanceText(settings.extendedDescription, origin),
    updatedAt: settings.extendedDescriptionUpdatedAt ?? NEVER,
  };
}

export function privacyPolicyOf(
  settings: InstanceSettings,
  config: { origin: string; host: string },
): RenderedText {
  return settings.privacyPolicy
    ? {
      content: renderInstanceText(settings.privacyPolicy, config.origin),
      updatedAt: settings.privacyPolicyUpdatedAt ?? NEVER,
    }
    : {
      content: defaultPrivacyPolicy(config.host),
      updatedAt: DEFAULT_POLICY_DATE,
    };
}
