/**
 * Where opening an existing embedded database (a restart) goes: in a fresh process per run,
 * reading and compiling PGlite's WebAssembly module (`WebAssembly.compile`), then `PGlite.create`
 * on the data directory with that module passed in (`pgliteWasmModule`: instantiating, loading
 * the file-system bundle, Postgres's own start-up and recovery), then a first query. Each phase
 * by wall clock and by the process's CPU time (all threads: V8 compiles WebAssembly on
 * background threads). One line per V8 flag set, so they compare in one invocation.
 *
 *   deno run -A bench/probes/pglite-open.ts [--runs=3] [--flags="--v8-flags=--liftoff-only"] …
 *     [--flags="--setting=shared_buffers=16MB"]   (a Postgres setting for that run)
 */
import process from "node:process";

const arg = (name: string) =>
  Deno.args.filter((a) => a.startsWith(`--${name}=`)).map((a) =>
    a.slice(name.length + 3)
  );

const childDir = arg("child")[0];
if (childDir) {
  // The measured process.
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const phases: Record<string, [number, number]> = {};
  const mark = (name: string) => {
    const usage = process.cpuUsage(cpu);
    phases[name] = [
      Math.round(performance.now() - wall),
      Math.round((usage.user + usage.system) / 1000),
    ];
    wall = performance.now();
    cpu = process.cpuUsage();
  };
  const { PGlite } = await import("@electric-sql/pglite");
  mark("import");
  const wasmUrl = new URL(
    import.meta.resolve("@electric-sql/pglite").replace(
      /index\.js$/,
      "pglite.wasm",
    ),
  );
  const bytes = await Deno.readFile(wasmUrl);
  const module = await WebAssembly.compile(bytes);
  mark("compile");
  const settings = arg("setting").flatMap((s) => ["-c", s]);
  const db = await PGlite.create(childDir, {
    pgliteWasmModule: module,
    ...(settings.length
      ? { startParams: [...PGlite.defaultStartParams, ...settings] }
      : {}),
  });
  mark("create");
  await db.query("SELECT count(*) FROM pg_class");
  mark("query");
  const rssMiB = Math.round(Deno.memoryUsage().rss / 1048576);
  await db.close();
  console.log(JSON.stringify({ ...phases, rssMiB: [rssMiB, 0] }));
  Deno.exit(0);
}

const runs = Number(arg("runs")[0] ?? "3");
const flagSets = arg("flags");
if (flagSets.length === 0) flagSets.push("");

const dir = await Deno.makeTempDir({ prefix: "starling-pglite-open-" });
try {
  {
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create(`${dir}/pg`);
    await db.query("CREATE TABLE t (id int primary key, v text)");
    await db.close();
  }
  console.log(
    "PGlite restart phases, ms wall / ms CPU (import | compile | create | query | RSS MiB)",
  );
  for (let i = 0; i < runs; i++) {
    for (const flags of flagSets) {
      const out = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          ...flags.split(" ").filter((f) => f && !f.startsWith("--setting=")),
          new URL(import.meta.url).pathname,
          `--child=${dir}/pg`,
          ...flags.split(" ").filter((f) => f.startsWith("--setting=")),
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const text = new TextDecoder().decode(out.stdout).trim().split("\n")
        .pop()!;
      let line = text;
      try {
        const phases = JSON.parse(text) as Record<string, [number, number]>;
        const { rssMiB, ...timed } = phases;
        const total = Object.values(timed).reduce(
          (a, [w, c]) => [a[0] + w, a[1] + c],
          [0, 0],
        );
        line = Object.values(timed).map(([w, c]) => `${w}/${c}`).join(" | ") +
          ` = ${total[0]}/${total[1]} | ${rssMiB[0]} MiB`;
      } catch {
        line = new TextDecoder().decode(out.stderr).slice(0, 300);
      }
      console.log(`  ${flags || "(no flags)"}: ${line}`);
    }
  }
} finally {
  await Deno.remove(dir, { recursive: true });
}
