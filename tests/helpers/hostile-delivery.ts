/**
 * A fake peer's signed `Create` of a public post, delivered to a test instance's shared inbox,
 * and the row it became: what the security tests that attack as a peer build on.
 */
import assert from "node:assert/strict";
import type { TestInstance } from "./app.ts";
import { AS_CONTEXT, type FakeActor, type FakePeer } from "./fake-peer.ts";
import { eventually } from "../federation/helpers.ts";

export const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

export interface StoredPost {
  id: string;
  content: string;
  spoiler_text: string;
}

/**
 * Delivers `Create(object)` from `actor` (public, published now; `object` needs `id` and
 * `type`), asserts the inbox's 202, and waits until the post is stored.
 */
export async function deliverPublicCreate(
  instance: TestInstance,
  peer: FakePeer,
  actor: FakeActor,
  object: Record<string, unknown> & { id: string; type: string },
): Promise<StoredPost> {
  const res = await peer.deliver(actor, `${instance.origin}/inbox`, {
    "@context": AS_CONTEXT,
    id: `${object.id}#create`,
    type: "Create",
    actor: actor.id,
    to: [PUBLIC],
    object: {
      attributedTo: actor.id,
      to: [PUBLIC],
      published: new Date().toISOString(),
      ...object,
    },
  });
  assert.equal(res.status, 202);
  await res.body?.cancel();
  return await eventually(`stored ${object.id}`, async () => {
    const [row] = await instance.deps.sql<StoredPost[]>`
      SELECT id, content, spoiler_text FROM statuses WHERE uri = ${object.id}`;
    return row;
  });
}
