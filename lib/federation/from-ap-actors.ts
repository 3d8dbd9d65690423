/**
 * ActivityStreams actors → account columns for `upsertRemoteAccount`. An actor whose username
 * fails Mastodon's rule is not stored at all (so nothing from or about it is); a URL that is
 * not a web URL is dropped; names lose the bidi controls that could disguise a handle; the bio
 * and field values go through the sanitiser. Posts are `from-ap.ts`.
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
import { isValidRemoteUsername } from "../domain/usernames.ts";
import { sanitizeHtml } from "../text/sanitize.ts";
import { stripBidiControls } from "../text/plain.ts";
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

/** A name shown beside a handle: plain text without the controls that could reorder it. */
function nameText(value: { toString(): string } | null | undefined): string {
  return stripBidiControls(plainText(value));
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
 * The account columns for a remote actor, or null when we don't store it: it lacks what every
 * peer requires (a web URL as id, a `preferredUsername`, an inbox), or its username is not one
 * Mastodon would accept (a second `@`, spaces, markup, invisible characters). A server's
 * instance actor, which Mastodon and Starling name after their host, keeps that name even with a
 * port (`social.example:8443`): it is what forwarded reports (`Flag`) come from.
 */
export async function accountInputFromActor(
  actor: Actor,
  options: LoaderOptions = {},
): Promise<RemoteAccountInput | null> {
  const uri = webUrl(actor.id);
  const username = plainText(actor.preferredUsername).trim();
  const inbox = actor.inboxId;
  if (!uri || !username || !inbox) return null;
  const namedAfterItsHost = username.toLowerCase() === new URL(uri).host;
  if (!isValidRemoteUsername(username) && !namedAfterItsHost) return null;
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
        name: nameText(attachment.name).slice(0, 255),
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
    display_name: nameText(actor.name).slice(0, 100),
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
