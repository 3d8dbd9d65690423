/**
 * Domain blocks and allows through Mastodon's admin API, the public list, and Mastodon's CSV:
 * - Admin::DomainBlock and Admin::DomainAllow have exactly Mastodon's attributes; GET, POST,
 *   PUT and DELETE do what they say; an unknown id is a 404; without `manage_federation` a 403
 *   `{"error":"This action is not allowed"}`;
 * - GET /api/v1/instance/domain_blocks answers as `SHOW_DOMAIN_BLOCKS` says and hides an
 *   obfuscated domain's middle;
 * - a CSV import is previewed line by line (create, which fields change, nothing) before it is
 *   applied; a malformed line is reported with its number and nothing is applied; the export
 *   reads back as the same blocks; the CLI does the same.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { createStaff } from "./helpers.ts";
import { runAdminCommand } from "../../lib/admin/mod.ts";

const ADMIN_DOMAIN_BLOCK = [
  "id",
  "domain",
  "digest",
  "created_at",
  "severity",
  "reject_media",
  "reject_reports",
  "private_comment",
  "public_comment",
  "obfuscate",
];

async function withInstance(
  env: Record<string, string>,
  fn: (instance: TestInstance) => Promise<void>,
) {
  const instance = await startTestInstance({ env });
  try {
    await fn(instance);
  } finally {
    await instance.close();
  }
}

async function blockedDomains(instance: TestInstance) {
  return (await instance.deps.sql<{ domain: string; severity: string }[]>`
    SELECT domain, severity FROM domain_blocks ORDER BY domain`)
    .map((r) => `${r.domain} ${r.severity}`);
}

Deno.test({
  name:
    "the admin API manages domain blocks and allows with Mastodon's entities and refusals",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: () =>
    withInstance({ SHOW_DOMAIN_BLOCKS: "users" }, async (instance) => {
      const admin = await createStaff(instance, "boss", "admin");
      const moderator = await createStaff(instance, "modder", "moderator");
      const user = await createUserWithToken(instance, "alice");
      let res = await api(
        instance,
        admin.token,
        "POST",
        "/api/v1/admin/domain_blocks",
        {
          domain: "Spam.Example",
          severity: "suspend",
          public_comment: "spam",
          private_comment: "seen on 3 reports",
          obfuscate: true,
        },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(Object.keys(res.body).sort(), ADMIN_DOMAIN_BLOCK.sort());
      assert.equal(res.body.domain, "spam.example");
      assert.match(res.body.digest, /^[0-9a-f]{64}$/);
      const id = res.body.id;
      res = await api(
        instance,
        admin.token,
        "PUT",
        `/api/v1/admin/domain_blocks/${id}`,
        { severity: "silence", reject_media: true },
      );
      assert.equal(res.body.severity, "silence");
      assert.equal(res.body.reject_media, true);
      assert.equal(res.body.public_comment, "spam", "unchanged fields stay");
      res = await api(
        instance,
        admin.token,
        "GET",
        "/api/v1/admin/domain_blocks",
      );
      assert.deepEqual(res.body.map((b: { id: string }) => b.id), [id]);
      res = await api(
        instance,
        admin.token,
        "GET",
        "/api/v1/admin/domain_blocks/999999",
      );
      assert.equal(res.status, 404);
      for (
        const [method, path] of [
          ["GET", "/api/v1/admin/domain_blocks"],
          ["POST", "/api/v1/admin/domain_blocks"],
          ["PUT", `/api/v1/admin/domain_blocks/${id}`],
          ["DELETE", `/api/v1/admin/domain_blocks/${id}`],
          ["GET", "/api/v1/admin/domain_allows"],
        ]
      ) {
        res = await api(
          instance,
          moderator.token,
          method,
          path,
          method === "GET" ? undefined : { domain: "x.example" },
        );
        assert.equal(res.status, 403, `${method} ${path}`);
        assert.deepEqual(res.body, { error: "This action is not allowed" });
      }

      // The public list: signed-in users only (SHOW_DOMAIN_BLOCKS=users), obfuscated.
      res = await api(instance, null, "GET", "/api/v1/instance/domain_blocks");
      assert.equal(res.status, 401);
      res = await api(
        instance,
        user.token,
        "GET",
        "/api/v1/instance/domain_blocks",
      );
      assert.equal(res.status, 200);
      assert.deepEqual(Object.keys(res.body[0]).sort(), [
        "comment",
        "digest",
        "domain",
        "severity",
      ]);
      assert.equal(res.body[0].domain, "spa*.****ple");
      assert.equal(res.body[0].comment, "spam");

      res = await api(
        instance,
        admin.token,
        "DELETE",
        `/api/v1/admin/domain_blocks/${id}`,
      );
      assert.equal(res.status, 200);
      assert.deepEqual(await blockedDomains(instance), []);

      // Allows.
      res = await api(
        instance,
        admin.token,
        "POST",
        "/api/v1/admin/domain_allows",
        {
          domain: "friends.example",
        },
      );
      assert.equal(res.status, 200);
      assert.deepEqual(Object.keys(res.body).sort(), [
        "created_at",
        "domain",
        "id",
      ]);
      const allowId = res.body.id;
      res = await api(
        instance,
        admin.token,
        "GET",
        `/api/v1/admin/domain_allows/${allowId}`,
      );
      assert.equal(res.body.domain, "friends.example");
      res = await api(
        instance,
        admin.token,
        "DELETE",
        `/api/v1/admin/domain_allows/${allowId}`,
      );
      assert.equal(res.status, 200);
      res = await api(
        instance,
        admin.token,
        "GET",
        `/api/v1/admin/domain_allows/${allowId}`,
      );
      assert.equal(res.status, 404);
      const log = await instance.deps.sql<{ e: string }[]>`
        SELECT action || ' ' || target_type AS e FROM admin_action_logs ORDER BY id`;
      assert.deepEqual(log.map((r) => r.e), [
        "create DomainBlock",
        "update DomainBlock",
        "destroy DomainBlock",
        "create DomainAllow",
        "destroy DomainAllow",
      ]);
    }),
});

Deno.test({
  name:
    "a CSV import is previewed line by line, a malformed line applies nothing, and the export reads back",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: () =>
    withInstance({}, async (instance) => {
      await createStaff(instance, "owner", "owner");
      const out: string[] = [];
      const io = { out: (line: string) => out.push(line) };
      const run = (...argv: string[]) =>
        runAdminCommand(instance.deps, argv, io);
      await run("domains", "block", "old.example", "--severity", "silence");
      const dir = await Deno.makeTempDir();
      const good = `${dir}/good.csv`;
      await Deno.writeTextFile(
        good,
        "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\n" +
          'new.example,suspend,false,false,"spam, lots",false\n' +
          "old.example,silence,true,false,,false\n",
      );
      out.length = 0;
      await run("domains", "import", good);
      assert.deepEqual(out, [
        "line 2: create new.example (suspend)",
        "line 3: update old.example (reject_media false → true)",
        "(preview: nothing applied; run again with --apply)",
      ]);
      assert.deepEqual(await blockedDomains(instance), ["old.example silence"]);

      const bad = `${dir}/bad.csv`;
      await Deno.writeTextFile(
        bad,
        "#domain,#severity\nfine.example,suspend\nnot a domain,suspend\nx.example,harsh\n",
      );
      out.length = 0;
      await assert.rejects(
        () => run("domains", "import", bad, "--apply"),
        /line 3: "not a domain" is not a domain; line 4: "harsh" is not a severity/,
      );
      assert.deepEqual(await blockedDomains(instance), ["old.example silence"]);

      await run("domains", "import", good, "--apply");
      assert.deepEqual(await blockedDomains(instance), [
        "new.example suspend",
        "old.example silence",
      ]);
      out.length = 0;
      await run("domains", "export");
      assert.deepEqual(out[0].split("\n"), [
        "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate",
        'new.example,suspend,false,false,"spam, lots",false',
        "old.example,silence,true,false,,false",
      ]);
      await run("domains", "unblock", "new.example");
      assert.deepEqual(await blockedDomains(instance), ["old.example silence"]);
      await Deno.remove(dir, { recursive: true });
    }),
});
