/**
 * `GET /api/v1/statuses?id[]=`: several statuses at once, only those the caller may see, in the
 * order asked; more than 20 ids is a 422, as Mastodon.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { api, createUserWithToken } from "../helpers/users.ts";

Deno.test("GET /api/v1/statuses?id[]= answers the visible ones, in the order asked", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const post = async (status: string, visibility = "public") =>
      (await api(instance, alice.token, "POST", "/api/v1/statuses", {
        status,
        visibility,
      })).body.id as string;
    const first = await post("first");
    const second = await post("second", "unlisted");
    const secret = await post("for followers", "private");
    const boost = (await api(
      instance,
      bob.token,
      "POST",
      `/api/v1/statuses/${first}/reblog`,
    )).body.id as string;

    const ids = [second, secret, "999999", "not-a-number", boost, first];
    const query = ids.map((id) => `id[]=${id}`).join("&");
    const asBob = await api(
      instance,
      bob.token,
      "GET",
      `/api/v1/statuses?${query}`,
    );
    assert.equal(asBob.status, 200);
    await assertResponseMatches("GET", "/api/v1/statuses", 200, asBob.body);
    assert.deepEqual(
      asBob.body.map((s: { id: string }) => s.id),
      [second, boost, first],
      "followers-only, missing and malformed ids are left out; the order is kept",
    );
    assert.equal(asBob.body[1].reblog.id, first);

    const asAlice = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/statuses?${query}`,
    );
    assert.deepEqual(
      asAlice.body.map((s: { id: string }) => s.id),
      [second, secret, boost, first],
    );
    const anonymous = await api(
      instance,
      null,
      "GET",
      `/api/v1/statuses?id[]=${secret}&id[]=${first}`,
    );
    assert.deepEqual(anonymous.body.map((s: { id: string }) => s.id), [first]);

    const tooMany = Array.from({ length: 21 }, (_, i) => `id[]=${i + 1}`).join(
      "&",
    );
    const refused = await api(
      instance,
      bob.token,
      "GET",
      `/api/v1/statuses?${tooMany}`,
    );
    assert.equal(refused.status, 422);
    assert.equal(typeof refused.body.error, "string");
  } finally {
    await instance.close();
  }
});
