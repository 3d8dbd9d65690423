/**
 * Browser apps (Elk, Phanpy) run on their own origins: what they read — discovery documents
 * before sign-in, the API and OAuth endpoints after — answers any origin, errors included.
 * Pages for people don't.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";

const APP_ORIGIN = { origin: "https://phanpy.example" };

Deno.test("discovery, API and OAuth endpoints answer any origin; pages don't", async () => {
  const instance = await startTestInstance();
  try {
    await createUserWithToken(instance, "alice");
    const host = new URL(instance.origin).host;
    const readable = [
      "/.well-known/host-meta",
      "/.well-known/nodeinfo",
      "/nodeinfo/2.1",
      "/nodeinfo/2.0",
      `/.well-known/webfinger?resource=acct:alice@${host}`,
      "/.well-known/oauth-authorization-server",
      "/api/v1/instance",
      "/api/v1/no/such/endpoint",
      "/oauth/userinfo",
    ];
    for (const path of readable) {
      const response = await instance.fetch(path, { headers: APP_ORIGIN });
      await response.body?.cancel();
      assert.equal(
        response.headers.get("access-control-allow-origin"),
        "*",
        `${path} (${response.status})`,
      );
    }

    for (const path of ["/.well-known/nodeinfo", "/api/v1/statuses"]) {
      const preflight = await instance.fetch(path, {
        method: "OPTIONS",
        headers: {
          ...APP_ORIGIN,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        },
      });
      assert.equal(preflight.status, 204, path);
      assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
      assert.match(
        preflight.headers.get("access-control-allow-methods")!,
        /POST/,
      );
    }

    for (const path of ["/", "/auth/sign_in", "/oauth/authorize"]) {
      const response = await instance.fetch(path, { headers: APP_ORIGIN });
      await response.body?.cancel();
      assert.equal(
        response.headers.get("access-control-allow-origin"),
        null,
        path,
      );
    }
  } finally {
    await instance.close();
  }
});
