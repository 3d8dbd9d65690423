/**
 * ActivityStreams actors → account columns for `upsertRemoteAccount`. A URL that is not a web
 * URL is dropped; the bio and field values go through the sanitiser. Posts are `from-ap.ts`.
 */
import {
  type Actor,
  Application,
  Group,
  Organization,
  PropertyValue,
  Service,
} from "@fedify/vocab";
import type { RemoteAccountInput } from "../db/federation.ts";
import { sanitizeHtml } from "../text/sanitize.ts";
import { webUrl } from "../text/web-url.ts";
import {
  first,
  linkHref,
  type LoaderOptions,
  MAX_LINKED_ITEMS,
  plainText,
} from "./from-ap.ts";

function actorType(actor: Actor): string {
  if (actor instanceof Application) return "Application";
  if (actor instanceof Service) return "Service";
  if (actor instanceof Group) return "Group";
  if (actor instanceof Organization) return "Organization";
  return "Person";
}

async function exportPem(key: CryptoKey): Promise<string> {
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", key));
  let binary = "";
  for (const byte of spki) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${
    lines.join("\n")
  }\n-----END PUBLIC KEY-----\n`;
}

/**
 * The account columns for a remote actor, or null when it lacks what every peer requires (a
 * web URL as id, a `preferredUsername` and an inbox).
 */
export async function accountInputFromActor(
  actor: Actor,
  options: LoaderOptions = {},
): Promise<RemoteAccountInput | null> {
  const uri = webUrl(actor.id);
  const username = plainText(actor.preferredUsername).trim();
  const inbox = actor.inboxId;
  if (!uri || !username || !inbox) return null;
  const [icon, image, key] = await Promise.all([
    actor.getIcon(options).catch(() => null),
    actor.getImage(options).catch(() => null),
    actor.getPublicKey(options).catch(() => null),
  ]);
  const fields: { name: string; value: string }[] = [];
  for await (
    const attachment of first(actor.getAttachments(options), MAX_LINKED_ITEMS)
  ) {
    if (
      attachment instanceof PropertyValue && attachment.name && attachment.value
    ) {
      fields.push({
        name: plainText(attachment.name).slice(0, 255),
        value: sanitizeHtml(attachment.value.toString()),
      });
    }
  }
  // Mastodon ignores `url` unless it is on the actor's own host; so do we.
  const url = linkHref(actor.url);
  const host = new URL(uri).host;
  const published = actor.published;
  return {
    uri,
    username,
    domain: host.toLowerCase(),
    display_name: plainText(actor.name).slice(0, 100),
    note: sanitizeHtml(actor.summary?.toString() ?? ""),
    url: url && new URL(url).host === host ? url : uri,
    avatar_url: linkHref(icon),
    header_url: linkHref(image),
    locked: actor.manuallyApprovesFollowers ?? false,
    bot: actor instanceof Application || actor instanceof Service,
    discoverable: actor.discoverable ?? false,
    indexable: actor.indexable ?? false,
    fields: fields.slice(0, 16),
    also_known_as: actor.aliasIds.map((u) => u.href),
    actor_type: actorType(actor),
    inbox_url: inbox.href,
    shared_inbox_url: actor.endpoints?.sharedInbox?.href ?? null,
    outbox_url: actor.outboxId?.href ?? null,
    followers_url: actor.followersId?.href ?? null,
    following_url: actor.followingId?.href ?? null,
    featured_url: actor.featuredId?.href ?? null,
    public_key_pem: key?.publicKey
      ? await exportPem(key.publicKey).catch(() => null)
      : null,
    public_key_id: key?.id?.href ?? actor.publicKeyId?.href ?? null,
    created_at: published ? new Date(published.epochMilliseconds) : null,
  };
}
