/**
 * HTTP compression: pages, API JSON, ActivityPub documents, static CSS and island bundles are
 * sent with brotli or gzip as `Accept-Encoding` asks (q-values honoured, brotli preferred),
 * and decompress to exactly the uncompressed body; small responses and images are sent as
 * they are; `Vary: Accept-Encoding` is added beside what was there. Read with node:http, which
 * (unlike `fetch`) hands over the bytes as they came off the wire.
 */
import assert from "node:assert/strict";
import http from "node:http";
import zlib from "node:zlib";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { api, createUserWithToken, follow } from "../helpers/users.ts";
import { FormClient } from "../helpers/forms.ts";

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Uint8Array;
}

function rawGet(
  instance: TestInstance,
  path: string,
  headers: Record<string, string> = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http.get(new URL(path, instance.origin), { headers }, (res) => {
      const chunks: Uint8Array[] = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: new Uint8Array(Buffer.concat(chunks)),
        }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

function decoded(raw: Raw): Uint8Array {
  const coding = raw.headers["content-encoding"];
  if (coding === "br") {
    return new Uint8Array(zlib.brotliDecompressSync(raw.body));
  }
  if (coding === "gzip") return new Uint8Array(zlib.gunzipSync(raw.body));
  assert.equal(coding, undefined, "only br or gzip");
  return raw.body;
}

function varyTokens(raw: Raw): string[] {
  return String(raw.headers.vary ?? "").split(",").map((v) => v.trim())
    .filter(Boolean);
}

Deno.test({
  name:
    "pages, API and ActivityPub JSON, CSS and island bundles come compressed as asked; small ones and images don't",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const bob = await createUserWithToken(instance, "bob");
      await follow(instance, alice, bob);
      for (let i = 0; i < 20; i++) {
        const posted = await api(
          instance,
          bob.token,
          "POST",
          "/api/v1/statuses",
          {
            status:
              `Post ${i} about #bread and the weather, https://example.com/${i}`,
          },
        );
        assert.equal(posted.status, 200);
      }
      const browser = new FormClient(instance.origin);
      const signIn = await browser.page("/auth/sign_in");
      const signedIn = await browser.post("/auth/sign_in", {
        _csrf: signIn.csrf,
        login: "alice",
        password: "a good password",
        return_to: "/home",
      });
      assert.equal(signedIn.status, 303);
      const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`)
        .join("; ");

      const home = await rawGet(instance, "/home", {
        cookie,
        accept: "text/html",
      });
      assert.equal(home.status, 200);
      const html = new TextDecoder().decode(home.body);
      const bundle = /src="(\/_fresh\/js\/[^"]+\/boot\.js)"/.exec(html)?.[1];
      assert.ok(bundle, "the page links the island runtime");

      const cases: {
        name: string;
        path: string;
        headers?: Record<string, string>;
      }[] = [
        { name: "signed-in home page", path: "/home", headers: { cookie } },
        {
          name: "API JSON list",
          path: "/api/v1/timelines/public",
          headers: { origin: "https://app.example" },
        },
        {
          name: "actor document",
          path: "/users/alice",
          headers: { accept: "application/activity+json" },
        },
        { name: "stylesheet", path: "/static/styles.css" },
        { name: "island bundle", path: bundle },
      ];
      const sizes: string[] = [];
      for (const { name, path, headers = {} } of cases) {
        const plain = await rawGet(instance, path, headers);
        assert.equal(plain.status, 200, name);
        assert.equal(plain.headers["content-encoding"], undefined, name);
        assert.ok(plain.body.length >= 1024, `${name} is worth compressing`);
        for (
          const [accept, expected] of [
            ["gzip, deflate, br", "br"],
            ["gzip", "gzip"],
            ["br;q=0.5, gzip;q=0.8", "gzip"],
            ["identity", undefined],
            ["br;q=0, gzip;q=0", undefined],
            ["*", "br"],
          ] as const
        ) {
          const raw = await rawGet(instance, path, {
            ...headers,
            "accept-encoding": accept,
          });
          const what = `${name} with Accept-Encoding: ${accept}`;
          assert.equal(raw.status, 200, what);
          assert.equal(raw.headers["content-encoding"], expected, what);
          assert.deepEqual(decoded(raw), plain.body, what);
          assert.equal(
            Number(raw.headers["content-length"] ?? raw.body.length),
            raw.body.length,
            what,
          );
          assert.ok(
            varyTokens(raw).some((v) => v.toLowerCase() === "accept-encoding"),
            `${what}: Vary names Accept-Encoding`,
          );
          if (expected) {
            assert.ok(raw.body.length < plain.body.length, what);
          }
          if (accept === "gzip, deflate, br") {
            sizes.push(`${name}: ${plain.body.length} → ${raw.body.length}`);
          }
        }
      }
      console.log(sizes.join("\n"));

      // Vary is appended to, not replaced: the API's CORS answer varies by Origin too.
      const cors = await rawGet(instance, "/api/v1/timelines/public", {
        origin: "https://app.example",
        "accept-encoding": "br",
      });
      assert.ok(varyTokens(cors).includes("Origin"), String(cors.headers.vary));

      // The stylesheet's ETag is the same whatever the coding, and revalidates.
      const css = await rawGet(instance, "/static/styles.css", {
        "accept-encoding": "gzip",
      });
      const etag = String(css.headers.etag);
      assert.equal(
        (await rawGet(instance, "/static/styles.css")).headers.etag,
        etag,
      );
      const revalidated = await rawGet(instance, "/static/styles.css", {
        "accept-encoding": "gzip",
        "if-none-match": etag,
      });
      assert.equal(revalidated.status, 304);

      // Small responses and images are sent as they are.
      for (
        const path of [
          "/api/v1/custom_emojis",
          "/static/avatars/original/missing.png",
        ]
      ) {
        const raw = await rawGet(instance, path, {
          "accept-encoding": "br, gzip",
        });
        assert.equal(raw.status, 200, path);
        assert.equal(raw.headers["content-encoding"], undefined, path);
      }
    } finally {
      await instance.close();
    }
  },
});
