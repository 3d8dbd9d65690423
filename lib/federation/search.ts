/**
 * `resolveRemote(deps, query)`: what search with `resolve=true` calls. Understands `@user@host`,
 * `user@host`, actor URLs and post URLs (ours or anyone's), fetching and storing what it finds.
 */
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";
import { isActor } from "@fedify/vocab";
import {
  fetchObject,
  parseHandle,
  resolveActorUri,
  resolveHandle,
} from "./remote-accounts.ts";
import { isPostObject } from "./from-ap.ts";
import { resolveStatusUri } from "./remote-statuses.ts";

export interface ResolvedRemote {
  account: AccountRow | null;
  status: StatusRow | null;
}

export async function resolveRemote(
  deps: Deps,
  query: string,
  options: { refresh?: boolean } = {},
): Promise<ResolvedRemote> {
  const ctx = (await deps.federation()).createContext(
    new URL(deps.config.origin),
    deps,
  );
  const q = query.trim();
  if (parseHandle(q)) {
    return { account: await resolveHandle(ctx, q, options), status: null };
  }
  let url: URL;
  try {
    url = new URL(q);
  } catch {
    return { account: null, status: null };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { account: null, status: null };
  }
  // Ours, or already known, answers without a fetch.
  const asStatus = await resolveStatusUri(ctx, url.href, 0).catch(() => null);
  if (asStatus) return { account: null, status: asStatus };
  const asAccount = await resolveActorUri(ctx, url.href, options).catch(() =>
    null
  );
  if (asAccount) return { account: asAccount, status: null };
  // A profile or post page URL (e.g. https://host/@user/123): follow it to the object.
  const object = await fetchObject(ctx, url);
  if (isActor(object) && object.id) {
    return { account: await resolveActorUri(ctx, object.id), status: null };
  }
  if (isPostObject(object) && object.id) {
    return {
      account: null,
      status: await resolveStatusUri(ctx, object.id.href, 0),
    };
  }
  return { account: null, status: null };
}
