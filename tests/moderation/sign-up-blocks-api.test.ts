/**
 * E-mail domain blocks, IP blocks and canonical e-mail blocks through Mastodon's admin API:
 * - each entity has exactly Mastodon's documented attributes (Admin::EmailDomainBlock,
 *   Admin::IpBlock, Admin::CanonicalEmailBlock);
 * - GET, POST, PUT (IP blocks) and DELETE do what they say, and each change is in the audit log;
 * - without `manage_blocks` (a Moderator) 403 `{"error":"This action is not allowed"}`; an
 *   unknown id 404; bad input 422;
 * - `canonical_email_blocks/test` matches an address the way Mastodon canonicalises it.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api } from "../helpers/users.ts";
import { createStaff } from "./helpers.ts";
import { canonicalEmailHash } from "../../lib/moderation/mod.ts";

const EMAIL_DOMAIN_BLOCK = ["id", "domain", "created_at", "history"];
const IP_BLOCK = [
  "id",
  "ip",
  "severity",
  "comment",
  "created_at",
  "expires_at",
];
const CANONICAL_EMAIL_BLOCK = ["id", "canonical_email_hash"];
const FORBIDDEN = { error: "This action is not allowed" };

Deno.test({
  name: "the admin API manages e-mail domain, IP and canonical e-mail blocks",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const instance = await startTestInstance();
    try {
      const admin = await createStaff(instance, "boss", "admin");
      const moderator = await createStaff(instance, "modder", "moderator");
      const call = (method: string, path: string, body?: unknown) =>
        api(instance, admin.token, method, path, body);
      const refused = (method: string, path: string, body?: unknown) =>
        api(instance, moderator.token, method, path, body);

      // E-mail domain blocks.
      let res = await call("POST", "/api/v1/admin/email_domain_blocks", {
        domain: "Spam.Example",
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(Object.keys(res.body).sort(), EMAIL_DOMAIN_BLOCK.sort());
      assert.equal(res.body.domain, "spam.example");
      assert.equal(res.body.history.length, 7);
      assert.deepEqual(Object.keys(res.body.history[0]).sort(), [
        "accounts",
        "day",
        "uses",
      ]);
      const emailBlockId = res.body.id;
      res = await call("POST", "/api/v1/admin/email_domain_blocks", {
        domain: "spam.example",
      });
      assert.equal(res.status, 422);
      res = await call("POST", "/api/v1/admin/email_domain_blocks", {
        domain: "not a domain",
      });
      assert.equal(res.status, 422);
      res = await call("GET", "/api/v1/admin/email_domain_blocks");
      assert.deepEqual(res.body.map((b: { domain: string }) => b.domain), [
        "spam.example",
      ]);
      // Paged as Mastodon's lists, newest first, with a Link header.
      await call("POST", "/api/v1/admin/email_domain_blocks", {
        domain: "second.example",
      });
      res = await call("GET", "/api/v1/admin/email_domain_blocks?limit=1");
      assert.deepEqual(res.body.map((b: { domain: string }) => b.domain), [
        "second.example",
      ]);
      const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link")!)![1];
      res = await call("GET", new URL(next).pathname + new URL(next).search);
      assert.deepEqual(res.body.map((b: { domain: string }) => b.domain), [
        "spam.example",
      ]);
      res = await call(
        "GET",
        `/api/v1/admin/email_domain_blocks/${emailBlockId}`,
      );
      assert.equal(res.body.domain, "spam.example");
      res = await call("GET", "/api/v1/admin/email_domain_blocks/12345");
      assert.equal(res.status, 404);
      res = await refused("GET", "/api/v1/admin/email_domain_blocks");
      assert.equal(res.status, 403);
      assert.deepEqual(res.body, FORBIDDEN);
      res = await refused("POST", "/api/v1/admin/email_domain_blocks", {
        domain: "other.example",
      });
      assert.equal(res.status, 403);

      // IP blocks.
      res = await call("POST", "/api/v1/admin/ip_blocks", {
        ip: "203.0.113.7/24",
        severity: "sign_up_block",
        comment: "spam wave",
        expires_in: 3600,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(Object.keys(res.body).sort(), IP_BLOCK.sort());
      assert.equal(res.body.ip, "203.0.113.0/24");
      assert.equal(res.body.severity, "sign_up_block");
      assert.equal(res.body.comment, "spam wave");
      const expiresIn = Date.parse(res.body.expires_at) - Date.now();
      assert.ok(expiresIn > 3500_000 && expiresIn <= 3600_000);
      const ipBlockId = res.body.id;
      for (
        const bad of [
          { ip: "not-an-ip", severity: "sign_up_block" },
          { ip: "198.51.100.1", severity: "everything" },
          { ip: "203.0.113.0/24", severity: "no_access" },
          { ip: "198.51.100.1", severity: "no_access", expires_in: "-5" },
        ]
      ) {
        res = await call("POST", "/api/v1/admin/ip_blocks", bad);
        assert.equal(res.status, 422, JSON.stringify(bad));
      }
      res = await call("PUT", `/api/v1/admin/ip_blocks/${ipBlockId}`, {
        severity: "sign_up_requires_approval",
        expires_in: "",
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.severity, "sign_up_requires_approval");
      assert.equal(res.body.expires_at, null);
      assert.equal(res.body.comment, "spam wave");
      res = await call("GET", `/api/v1/admin/ip_blocks/${ipBlockId}`);
      assert.equal(res.body.severity, "sign_up_requires_approval");
      res = await call("GET", "/api/v1/admin/ip_blocks");
      assert.equal(res.body.length, 1);
      res = await call("PUT", "/api/v1/admin/ip_blocks/999", {
        severity: "no_access",
      });
      assert.equal(res.status, 404);
      res = await refused("GET", "/api/v1/admin/ip_blocks");
      assert.deepEqual([res.status, res.body], [403, FORBIDDEN]);

      // Canonical e-mail blocks.
      res = await call("POST", "/api/v1/admin/canonical_email_blocks", {
        email: "foobar@gmail.com",
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        Object.keys(res.body).sort(),
        CANONICAL_EMAIL_BLOCK.sort(),
      );
      assert.equal(
        res.body.canonical_email_hash,
        await canonicalEmailHash("foobar@gmail.com"),
      );
      const canonicalId = res.body.id;
      res = await call("POST", "/api/v1/admin/canonical_email_blocks", {
        canonical_email_hash: await canonicalEmailHash("FooBar@gmail.com"),
      });
      assert.equal(res.status, 422, "the same address again");
      res = await call("POST", "/api/v1/admin/canonical_email_blocks", {});
      assert.equal(res.status, 422);
      res = await call("POST", "/api/v1/admin/canonical_email_blocks/test", {
        email: "Foo.Bar+x@gmail.com",
      });
      assert.deepEqual(res.body.map((b: { id: string }) => b.id), [
        canonicalId,
      ]);
      res = await call("POST", "/api/v1/admin/canonical_email_blocks/test", {
        email: "someone.else@gmail.com",
      });
      assert.deepEqual(res.body, []);
      res = await call("GET", "/api/v1/admin/canonical_email_blocks");
      assert.equal(res.body.length, 1);
      res = await refused(
        "GET",
        `/api/v1/admin/canonical_email_blocks/${canonicalId}`,
      );
      assert.equal(res.status, 403);

      // Lifting each, then they are gone.
      for (
        const path of [
          `/api/v1/admin/email_domain_blocks/${emailBlockId}`,
          `/api/v1/admin/ip_blocks/${ipBlockId}`,
          `/api/v1/admin/canonical_email_blocks/${canonicalId}`,
        ]
      ) {
        res = await refused("DELETE", path);
        assert.equal(res.status, 403);
        res = await call("DELETE", path);
        assert.deepEqual([res.status, res.body], [200, {}]);
        res = await call("GET", path);
        assert.equal(res.status, 404);
      }

      const log = await instance.deps.sql<
        { action: string; target_type: string }[]
      >`
        SELECT action, target_type FROM admin_action_logs
        WHERE account_id = ${admin.account.id} ORDER BY id`;
      assert.deepEqual(log.map((l) => `${l.action} ${l.target_type}`), [
        "create EmailDomainBlock",
        "create EmailDomainBlock",
        "create IpBlock",
        "update IpBlock",
        "create CanonicalEmailBlock",
        "destroy EmailDomainBlock",
        "destroy IpBlock",
        "destroy CanonicalEmailBlock",
      ]);
    } finally {
      await instance.close();
    }
  },
});
