/**
 * `deno run -A --v8-flags=--expose-gc bench/archive.ts [--posts=1000,5000]`: an account's
 * archive exported and imported back into a fresh instance, in one process, on two fresh
 * Postgres databases (`starling_bench_archive_src`, `…_dst`, dropped at the end). Per size: the
 * time to build the archive (the `archive.export` job), the time from upload to finished import
 * (dry run, then the `archive.import` job), the process's peak RSS above its level before each
 * step (sampled every 20 ms) and the heap each step left behind. Memory is bounded when these
 * do not grow with the number of posts (add `--max-old-space-size=N` to the V8 flags to run
 * under a fixed heap). Then it checks nothing was lost: every post with its date, content, warning and
 * visibility, every reply's parent, every file with its description.
 *
 * Data per size: one user's posts over the last year, 1 in 5 a reply to the post before, 1 in
 * 10 behind a content warning, 1 in 7 followers-only, 1 in 20 with a photo (a distinct PNG,
 * stored through the upload path) with alt text.
 */
import sharp from "sharp";
import { loadConfig } from "../lib/config.ts";
import { createStarling, type Starling } from "../lib/server.ts";
import { signUp } from "../lib/domain/accounts.ts";
import { uploadMedia } from "../lib/domain/media.ts";
import {
  archiveState,
  confirmImport,
  latestImport,
  openArchiveDownload,
  requestArchive,
  startImport,
} from "../lib/archive/mod.ts";
import { dropDatabase, recreateDatabase } from "./lib/pg.ts";
import { removeTempDirs, ROOT_DIR, SECRET_KEY } from "./lib/process.ts";

const sizes = (Deno.args.find((a) => a.startsWith("--posts="))?.slice(8) ??
  "1000,5000").split(",").map(Number);

async function instance(name: string): Promise<Starling> {
  const url = await recreateDatabase(name);
  const dataDir = await Deno.makeTempDir({ prefix: "starling-bench-" });
  const config = loadConfig({
    ORIGIN: `https://${name.replaceAll("_", "-")}.example`,
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    SECRET_KEY,
  }, ROOT_DIR);
  const starling = await createStarling(config, { kvPath: ":memory:" });
  await starling.deps.federation(); // loaded before measuring: not the archive's cost
  return starling;
}

async function user(starling: Starling, username: string) {
  return (await signUp(starling.deps.sql, {
    username,
    email: `${username}@example.com`,
    password: "a good password",
  }, { registrations: "open", byOperator: true })).account;
}

/** With `--v8-flags=--expose-gc`: a full collection, so heap figures are what is retained. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * The time of `work`, the peak RSS above the level at its start, and the heap it left behind
 * (after a full collection; 0 without `--expose-gc`). RSS peaks follow the collector's
 * schedule (garbage waits for the next major collection), so they are noisy: the retained
 * heap says whether anything was kept.
 */
async function measure<T>(work: () => Promise<T>) {
  collect();
  const before = Deno.memoryUsage();
  let peak = before.rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, Deno.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    peak = Math.max(peak, Deno.memoryUsage().rss);
    collect();
    return {
      value,
      ms,
      peakGrowthMiB: (peak - before.rss) / 1048576,
      retainedMiB: (Deno.memoryUsage().heapUsed - before.heapUsed) / 1048576,
    };
  } finally {
    clearInterval(timer);
  }
}

async function until<T>(check: () => Promise<T | null | undefined | false>) {
  while (true) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function generate(starling: Starling, accountId: string, posts: number) {
  const { sql, config } = starling.deps;
  await sql`
    INSERT INTO statuses (id, uri, url, account_id, local, visibility, text, content,
      spoiler_text, sensitive, language, created_at)
    SELECT g.id, ${config.origin} || '/users/writer/statuses/' || g.id,
      ${config.origin} || '/@writer/' || g.id, ${accountId}, true,
      CASE WHEN g.n % 7 = 0 THEN 'private' ELSE 'public' END,
      'Post ' || g.n, '<p>Post number ' || g.n || ' of the archive bench</p>',
      CASE WHEN g.n % 10 = 0 THEN 'warning ' || g.n ELSE '' END, g.n % 10 = 0, 'en', g.ts
    FROM (
      SELECT n, ts, starling_id(ts) AS id FROM (
        SELECT n, now() - interval '365 days' + n * (interval '365 days' / ${posts}) AS ts
        FROM generate_series(1, ${posts}) n) t
    ) g`;
  // 1 in 5 replies to the post before it.
  await sql`
    UPDATE statuses s SET in_reply_to_id = p.id, in_reply_to_uri = p.uri,
      in_reply_to_account_id = p.account_id
    FROM (SELECT id, uri, account_id, lead(id) OVER (ORDER BY id) AS next_id,
            row_number() OVER (ORDER BY id) AS n
          FROM statuses WHERE account_id = ${accountId}) p
    WHERE s.id = p.next_id AND (p.n + 1) % 5 = 0`;
  await sql`UPDATE accounts SET statuses_count = ${posts} WHERE id = ${accountId}`;
  const withPhotos = await sql<{ id: string }[]>`
    SELECT id FROM statuses WHERE account_id = ${accountId} ORDER BY id`;
  for (let i = 0; i < withPhotos.length; i += 20) {
    const png = new Uint8Array(
      await sharp({
        create: {
          width: 320,
          height: 240,
          channels: 3,
          background: { r: i % 256, g: (i * 7) % 256, b: (i * 13) % 256 },
        },
      }).png().toBuffer(),
    );
    const media = await uploadMedia(starling.deps, accountId, {
      bytes: png,
      claimedType: "image/png",
      description: `Photo ${i}`,
    });
    await sql`UPDATE media_attachments SET status_id = ${withPhotos[i].id}
              WHERE id = ${media.id}`;
  }
}

interface Snapshot {
  created: string;
  content: string;
  spoiler: string;
  visibility: string;
  parent: string | null;
  media: string | null;
}

/**
 * Every post as comparable facts (its parent by its content: ids differ between servers; dates
 * to the millisecond, as ActivityPub's `published` carries them).
 */
async function snapshot(starling: Starling, accountId: string) {
  return await starling.deps.sql<Snapshot[]>`
    SELECT date_trunc('milliseconds', s.created_at)::text AS created, s.content, s.spoiler_text AS spoiler, s.visibility,
      p.content AS parent, string_agg(m.description, ',') AS media
    FROM statuses s LEFT JOIN statuses p ON p.id = s.in_reply_to_id
      LEFT JOIN media_attachments m ON m.status_id = s.id
    WHERE s.account_id = ${accountId}
    GROUP BY s.id, p.content ORDER BY s.id`;
}

const results: string[] = [];
for (const posts of sizes) {
  const source = await instance("starling_bench_archive_src");
  const target = await instance("starling_bench_archive_dst");
  try {
    const writer = await user(source, "writer");
    const reader = await user(target, "reader");
    await generate(source, writer.id, posts);

    const exported = await measure(async () => {
      await requestArchive(source.deps, writer.id);
      return await until(async () => {
        const { latest } = await archiveState(source.deps, writer.id);
        if (latest?.state === "failed") throw new Error("export failed");
        return latest?.state === "ready" ? latest : null;
      });
    });
    const imported = await measure(async () => {
      const file = await openArchiveDownload(
        source.deps,
        writer.id,
        exported.value.id,
      );
      await startImport(target.deps, reader.id, file.body);
      const analysed = await until(async () => {
        const state = await latestImport(target.deps, reader.id);
        return state?.row.state === "analysed" ? state : null;
      });
      await confirmImport(target.deps, reader.id, analysed.row.id);
      return await until(async () => {
        const state = await latestImport(target.deps, reader.id);
        if (state?.row.state === "failed") throw new Error(state.row.error!);
        return state?.row.state === "done" ? state : null;
      });
    });

    const [before, after] = await Promise.all([
      snapshot(source, writer.id),
      snapshot(target, reader.id),
    ]);
    const differing = before.filter((s, i) =>
      JSON.stringify(s) !== JSON.stringify(after[i])
    );
    if (differing.length) {
      const i = before.indexOf(differing[0]);
      console.error("first difference:", before[i], after[i]);
    }
    const lost = differing.length;
    const line = `| ${posts} | ${
      (Number(exported.value.size) / 1048576).toFixed(2)
    } MiB | ${(exported.ms / 1000).toFixed(1)} s | ${
      exported.peakGrowthMiB.toFixed(0)
    } MiB (${exported.retainedMiB.toFixed(1)}) | ${
      (imported.ms / 1000).toFixed(1)
    } s | ${imported.peakGrowthMiB.toFixed(0)} MiB (${
      imported.retainedMiB.toFixed(1)
    }) | ${after.length} of ${before.length} posts, ${
      after.filter((s) => s.media).length
    } with photos, ${lost} differing |`;
    console.log(line);
    results.push(line);
  } finally {
    await source.close();
    await target.close();
    await dropDatabase("starling_bench_archive_src");
    await dropDatabase("starling_bench_archive_dst");
  }
}
await removeTempDirs();
console.log(
  "\n| posts | archive | export | export peak RSS growth (heap retained) | import (dry run + import) | import peak RSS growth (heap retained) | compared |",
);
console.log("| - | - | - | - | - | - | - |");
for (const line of results) console.log(line);
