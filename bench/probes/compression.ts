/**
 * What compressing a response costs the server and saves the wire, on real bodies: a test
 * instance (its own Postgres database) with two users, one following the other, 40 statuses of
 * mixed content; the home timeline at `limit=20` and `limit=40`, verify_credentials and one
 * status, fetched uncompressed. Each body is compressed N times with each candidate setting and
 * the CPU time (user + system of this process, not wall time: the machine is shared) per body
 * is printed with the compressed size. The sync zlib calls keep the work on this thread, so
 * the CPU time is the encoder's alone.
 *
 *   deno run -A bench/probes/compression.ts [--rounds=200]
 */
import zlib from "node:zlib";
import process from "node:process";
import { startTestInstance } from "../../tests/helpers/app.ts";
import { encode } from "../../lib/fresh/encoding.ts";
import { compressResponse } from "../../lib/web/compression.ts";
import {
  apiFetch,
  createUserWithToken,
  follow,
} from "../../tests/helpers/users.ts";

const rounds = Number(
  Deno.args.find((a) => a.startsWith("--rounds="))?.split("=")[1] ?? "200",
);

const instance = await startTestInstance();
try {
  const alice = await createUserWithToken(instance, "alice");
  const bob = await createUserWithToken(instance, "bob");
  await follow(instance, alice, bob);
  const texts = [
    "Morning walk along the river, the light was unreal today #photography #nature",
    "@alice have you read the new release notes? https://example.com/releases/2026/12/notes they changed a lot of the defaults",
    "Short one.",
    "Thread about federation: 1/ every server keeps its own copy of what it sees, which is why deletes take time to spread and why moderation is per server #fediverse",
    "Café ☕ and a croissant 🥐 — perfect Sunday. Anyone in Lyon want to meet up?",
  ];
  let last: string | undefined;
  for (let i = 0; i < 40; i++) {
    const res = await apiFetch(instance, bob.token, "/api/v1/statuses", {
      body: {
        status: `${texts[i % texts.length]} (${i})`,
        ...(i % 7 === 3 && last ? { in_reply_to_id: last } : {}),
        ...(i % 9 === 4 ? { spoiler_text: "long post" } : {}),
      },
    });
    const json = await res.json();
    last = json.id;
    if (i % 6 === 0) {
      await apiFetch(
        instance,
        alice.token,
        `/api/v1/statuses/${json.id}/favourite`,
        {
          method: "POST",
        },
      ).then((r) => r.body?.cancel());
    }
  }
  const bodies: [string, Uint8Array][] = [];
  for (
    const [label, path] of [
      ["home limit=20", "/api/v1/timelines/home?limit=20"],
      ["home limit=40", "/api/v1/timelines/home?limit=40"],
      ["verify_credentials", "/api/v1/accounts/verify_credentials"],
      ["one status", `/api/v1/statuses/${last}`],
    ]
  ) {
    const res = await apiFetch(instance, alice.token, path, {
      headers: { "accept-encoding": "identity" },
    });
    bodies.push([label, new Uint8Array(await res.arrayBuffer())]);
  }
  const candidates: [string, (b: Uint8Array) => Uint8Array][] = [
    ...[1, 3, 4, 5].map((q) =>
      [
        `br q${q}`,
        (b: Uint8Array) =>
          zlib.brotliCompressSync(b, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: q,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length,
            },
          }),
      ] as [string, (b: Uint8Array) => Uint8Array]
    ),
    ...[1, 4, 6].map((level) =>
      [`gzip ${level}`, (b: Uint8Array) => zlib.gzipSync(b, { level })] as [
        string,
        (b: Uint8Array) => Uint8Array,
      ]
    ),
  ];
  for (const [label, body] of bodies) {
    console.log(`\n${label}: ${body.length} bytes`);
    for (const [name, fn] of candidates) {
      fn(body); // warm
      const start = process.cpuUsage();
      let size = 0;
      for (let i = 0; i < rounds; i++) size = fn(body).length;
      const used = process.cpuUsage(start);
      const us = (used.user + used.system) / rounds;
      console.log(
        `  ${name.padEnd(8)} ${String(size).padStart(7)} bytes (${
          (100 * size / body.length).toFixed(1)
        }%)  ${us.toFixed(0).padStart(6)} µs CPU per body`,
      );
    }
    // The path a response takes now: node:zlib's callback API (off this thread) and the
    // Response rebuilt around the bytes.
    for (const coding of ["br", "gzip"] as const) {
      const req = new Request("http://x/", {
        headers: { "accept-encoding": coding },
      });
      const start = process.cpuUsage();
      const t0 = performance.now();
      let size = 0;
      for (let i = 0; i < rounds; i++) {
        const res = await compressResponse(
          req,
          new Response(body.slice(), {
            headers: { "content-type": "application/json" },
          }),
        );
        size = (await res.arrayBuffer()).byteLength;
      }
      const used = process.cpuUsage(start);
      console.log(
        `  served ${coding.padEnd(4)} ${
          String(size).padStart(7)
        } bytes          ${
          ((used.user + used.system) / rounds).toFixed(0).padStart(6)
        } µs CPU, ${
          (1000 * (performance.now() - t0) / rounds).toFixed(0)
        } µs wall per body`,
      );
    }
    void encode;
  }
} finally {
  await instance.close();
}
