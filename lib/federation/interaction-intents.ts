/**
 * Interacting from another server (Mastodon's remote interaction; FEP-3b86 Activity Intents).
 * Someone reading a post here while signed out gives their handle; their server's WebFinger
 * says where to send them: the intent's own template (`https://w3id.org/fep/3b86/Like` with
 * `{object}`…) or else OStatus's `subscribe` template (`{uri}`), which Mastodon and Starling
 * answer at `/authorize_interaction`. Starling advertises both for its own users. No Fedify
 * here: a plain WebFinger lookup through the pinned, checked fetch (`webfinger.ts`).
 */
import {
  type JrdLink,
  webFingerLinks,
  type WebFingerOptions,
} from "./webfinger.ts";

export type Intent = "follow" | "reply" | "reblog" | "favourite";
export const INTENTS: readonly Intent[] = [
  "follow",
  "reply",
  "reblog",
  "favourite",
];

export const SUBSCRIBE_REL = "http://ostatus.org/schema/1.0/subscribe";
const FEP_3B86 = "https://w3id.org/fep/3b86/";
/** The FEP-3b86 activity each intent is. */
const INTENT_ACTIVITY: Record<Intent, string> = {
  follow: "Follow",
  reply: "Object",
  reblog: "Announce",
  favourite: "Like",
};

/** What Starling's WebFinger adds for each local user: where to act on something from afar. */
export function interactionLinks(
  origin: string,
): { rel: string; template: string }[] {
  const page = `${origin}/authorize_interaction`;
  return [
    { rel: SUBSCRIBE_REL, template: `${page}?uri={uri}` },
    ...[...new Set(Object.values(INTENT_ACTIVITY))].map((activity) => ({
      rel: `${FEP_3B86}${activity}`,
      template: `${page}?uri={object}`,
    })),
  ];
}

/** Where the server behind `links` takes its user to do `intent` on `objectUri`, or null. */
export function intentUrl(
  links: JrdLink[],
  intent: Intent,
  objectUri: string,
): string | null {
  const template = (rel: string) =>
    links.find((l) => l.rel === rel && typeof l.template === "string")
      ?.template;
  const specific = template(`${FEP_3B86}${INTENT_ACTIVITY[intent]}`);
  const filled = specific
    ? specific.replaceAll("{object}", encodeURIComponent(objectUri))
    : template(SUBSCRIBE_REL)?.replaceAll(
      "{uri}",
      encodeURIComponent(objectUri),
    );
  if (!filled) return null;
  try {
    const url = new URL(filled);
    // Somewhere to send a browser, nothing else (no javascript:, data: …).
    return url.protocol === "https:" || url.protocol === "http:"
      ? url.href
      : null;
  } catch {
    return null;
  }
}

/**
 * Where `handle` (`user@server`) does `intent` on `objectUri`: their server's WebFinger,
 * fetched by us (checked addresses only), then the matching template. Null when the handle is
 * not one, or its server names no way to interact.
 */
export async function remoteInteractionUrl(
  options: WebFingerOptions,
  handle: string,
  intent: Intent,
  objectUri: string,
): Promise<string | null> {
  const match = /^@?([^@\s/]+)@([^@\s/]+)$/.exec(handle.trim());
  if (!match) return null;
  const links = await webFingerLinks(match[1], match[2].toLowerCase(), options);
  return links ? intentUrl(links, intent, objectUri) : null;
}
