/**
 * Embedded start-up as a process: `deno run -A main.ts` on a new DATA_DIR (first start), then
 * again on the same one (restart), until the first 200 on `/`. Prints the wall time and the
 * process's CPU time (user + system, from /proc) at that moment: the CPU figure is what the
 * shared machine's load hardly moves. Whether the first start copies the template depends on
 * whether `deno task build` made one (`_fresh/pglite/`).
 *
 *   deno run -A bench/probes/start-cpu.ts [--runs=3]
 */
import { freePort, readCpuMs, ROOT_DIR, SECRET_KEY } from "../lib/process.ts";

const runs = Number(
  Deno.args.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? "3",
);

async function start(dataDir: string) {
  const port = freePort();
  const started = performance.now();
  const env: Record<string, string> = {
    ...Deno.env.toObject(),
    DATA_DIR: dataDir,
    PORT: String(port),
    ORIGIN: `http://127.0.0.1:${port}`,
    SECRET_KEY,
  };
  delete env.DATABASE_URL;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "main.ts"],
    cwd: ROOT_DIR,
    env,
    clearEnv: true,
    stdout: "null",
    stderr: "null",
  }).spawn();
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      await res.body?.cancel();
      if (res.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 20));
  }
  const wall = performance.now() - started;
  const cpu = await readCpuMs(child.pid);
  child.kill("SIGTERM");
  await child.status;
  return { wall, cpu };
}

const template = await Deno.stat(`${ROOT_DIR}/_fresh/pglite/template.tar.gz`)
  .then(() => "with the build's template", () => "without a template");
console.log(`embedded start-up, ${template}`);
for (let i = 0; i < runs; i++) {
  const dir = await Deno.makeTempDir({ prefix: "starling-start-" });
  const first = await start(dir);
  const again = await start(dir);
  console.log(
    `  first start ${first.wall.toFixed(0)} ms wall, ${
      first.cpu.toFixed(0)
    } ms CPU | restart ${again.wall.toFixed(0)} ms wall, ${
      again.cpu.toFixed(0)
    } ms CPU`,
  );
  await Deno.remove(dir, { recursive: true });
}
