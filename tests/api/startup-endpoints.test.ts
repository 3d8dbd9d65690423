/**
 * What apps call at start-up (/work/shared/CLIENT_COMPAT.md) and the list endpoints of the
 * Mastodon API answer 200 — an empty list where Starling has nothing — never a 404.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";

Deno.test("start-up and list endpoints answer 200", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const id = alice.account.id;
    const paths = [
      "/api/v1/accounts/verify_credentials",
      "/api/v2/instance",
      "/api/v1/instance",
      "/api/v1/preferences",
      "/api/v1/custom_emojis",
      "/api/v2/filters",
      "/api/v1/filters",
      "/api/v1/lists",
      "/api/v1/followed_tags",
      "/api/v1/follow_requests",
      "/api/v1/announcements",
      "/api/v1/markers?timeline[]=home",
      "/api/v2/notifications/policy",
      "/api/v1/notifications/policy",
      "/api/v1/notifications/requests",
      "/api/v1/notifications/unread_count",
      "/api/v2/notifications/unread_count",
      "/api/v1/trends",
      "/api/v1/trends/tags",
      "/api/v1/trends/statuses",
      "/api/v1/trends/links",
      "/api/v2/suggestions",
      "/api/v1/suggestions",
      "/api/v1/scheduled_statuses",
      "/api/v1/conversations",
      "/api/v1/endorsements",
      "/api/v1/featured_tags",
      "/api/v1/featured_tags/suggestions",
      "/api/v1/directory",
      "/api/v1/instance/activity",
      "/api/v1/instance/privacy_policy",
      "/api/v1/domain_blocks",
      `/api/v1/accounts/${id}/lists`,
      `/api/v1/accounts/${id}/endorsements`,
      `/api/v1/accounts/${id}/featured_tags`,
    ];
    for (const path of paths) {
      const res = await apiFetch(instance, alice.token, path);
      assert.equal(res.status, 200, path);
      const body = await res.json();
      const template = path.split("?")[0].replace(id, "{id}");
      if (
        [
          "/api/v1/instance/privacy_policy",
          "/api/v2/notifications/unread_count",
          "/api/v1/accounts/{id}/lists",
        ].includes(template)
      ) {
        await assertResponseMatches("GET", template, 200, body);
      }
    }
  } finally {
    await instance.close();
  }
});
