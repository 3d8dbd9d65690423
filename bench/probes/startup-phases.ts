/**
 * Where an embedded first start's time goes, phase by phase, in one fresh process: loading the
 * server's modules, PGlite creating its data directory (initdb in WebAssembly), the migrations,
 * the rest of opening the dependencies (secret and VAPID keys, KV, jobs) and building the web app
 * (routes, the island bundle). Each phase is timed by wall clock and by this process's CPU time
 * (user + system, all threads), which the shared machine's load moves less. A second run on the
 * same directory is the restart.
 *
 *   deno run -A bench/probes/startup-phases.ts [--restart-too]
 */
import process from "node:process";

const dir = await Deno.makeTempDir({ prefix: "starling-startup-" });
const phases: [string, number, number][] = [];
let wall = performance.now();
let cpu = process.cpuUsage();
function mark(name: string) {
  const nowCpu = process.cpuUsage(cpu);
  const now = performance.now();
  phases.push([name, now - wall, (nowCpu.user + nowCpu.system) / 1000]);
  wall = now;
  cpu = process.cpuUsage();
}

const { loadConfig } = await import("../../lib/config.ts");
const { openDatabase } = await import("../../lib/db/client.ts");
const { migrate, readMigrations } = await import("../../lib/db/migrate.ts");
mark("load config/db modules");
const server = await import("../../lib/server.ts");
mark("load lib/server.ts (the app's modules)");
const config = loadConfig({
  ...Deno.env.toObject(),
  DATABASE_URL: "",
  DATA_DIR: dir,
  PORT: "0",
});
const database = await openDatabase({ pgliteDir: `${dir}/pg` });
mark("PGlite: create the data directory (initdb)");
const migrations = await readMigrations(`${config.rootDir}/migrations`);
await migrate(database.sql, migrations);
mark(`migrations (${migrations.length})`);
await database.close();
mark("close PGlite");
const starling = await server.createStarling(config);
mark(
  "createStarling on the migrated directory (open, keys, KV, jobs, web app)",
);
await starling.close?.();

const total = phases.reduce((a, [, w]) => a + w, 0);
console.log(`\nembedded first start, phase by phase (${dir})`);
for (const [name, w, c] of phases) {
  console.log(
    `  ${name.padEnd(76)} ${w.toFixed(0).padStart(6)} ms wall ${
      c.toFixed(0).padStart(6)
    } ms CPU`,
  );
}
console.log(`  total ${total.toFixed(0)} ms wall`);
await Deno.remove(dir, { recursive: true }).catch(() => {});
