/**
 * Starling as Deno Deploy runs it (docs.deno.com/deploy/reference: runtime, builds, env vars):
 * the committed tree plus what the install and build steps make (`deno install`, `deno task
 * build`), then `deno run -A main.ts` — Deploy grants all permissions and takes no runtime flags,
 * so no `--unstable-*` flag, and here no `unstable` list in deno.json either (so `Deno.openKv`
 * and `Deno.cron` don't exist: anything reaching for them fails) — with `DENO_DEPLOYMENT_ID` set
 * and no durable disk: the tree is mounted read-only (a read-only bind mount in a private mount
 * namespace, which binds root too, unlike file modes), and only a temp directory is writable.
 */
import { type ServerProcess, startServer } from "../helpers/server-process.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

async function run(cmd: string, args: string[], cwd: string): Promise<string> {
  const out = await new Deno.Command(cmd, {
    args,
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout) +
    new TextDecoder().decode(out.stderr);
  if (!out.success) throw new Error(`${cmd} ${args.join(" ")}: ${text}`);
  return text;
}

export interface DeployTree {
  dir: string;
  /** What `deno task build` printed. */
  buildOutput: string;
  remove(): Promise<void>;
}

/** The source tree (tracked and new files, not ignored ones) after Deploy's install and build. */
export async function prepareDeployTree(): Promise<DeployTree> {
  const dir = await Deno.makeTempDir({ prefix: "starling-deploy-tree-" });
  await run("sh", [
    "-c",
    'git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$1"',
    "sh",
    dir,
  ], ROOT);
  await run(Deno.execPath(), ["install"], dir);
  const buildOutput = await run(Deno.execPath(), ["task", "build"], dir);
  const config = JSON.parse(await Deno.readTextFile(`${dir}/deno.json`));
  delete config.unstable;
  await Deno.writeTextFile(`${dir}/deno.json`, JSON.stringify(config, null, 2));
  return {
    dir,
    buildOutput,
    remove: () => Deno.remove(dir, { recursive: true }),
  };
}

/** `sh -c` script: mount "$1" read-only over itself (this process only), then run the rest. */
const READ_ONLY =
  'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && ' +
  'cd "$1" && shift && exec "$@"';

/** Runs `args` in `dir` with `dir` read-only, as `startServer`'s command. */
function readOnlyCommand(dir: string, args: string[]) {
  return {
    cmd: "unshare",
    args: ["-m", "sh", "-c", READ_ONLY, "sh", dir, ...args],
    cwd: dir,
    clearEnv: true,
  };
}

/** True when writing into the mounted tree fails, for root too. */
export async function treeIsReadOnly(dir: string): Promise<boolean> {
  const { cmd, args } = readOnlyCommand(dir, ["touch", "write-probe"]);
  const out = await new Deno.Command(cmd, {
    args,
    cwd: dir,
    stdout: "null",
    stderr: "null",
  }).output();
  return !out.success;
}

/**
 * Starts the server from `tree` as Deploy would; `env` is all it gets, with PATH, HOME (for
 * Deno's own cache) and TMPDIR (the one writable place) added.
 */
export function startDeployed(
  tree: DeployTree,
  env: Record<string, string>,
  tmpDir: string,
): Promise<ServerProcess> {
  return startServer(
    {
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      HOME: Deno.env.get("HOME") ?? "/root",
      TMPDIR: tmpDir,
      DENO_DEPLOYMENT_ID: "deploy-like-test",
      DENO_DEPLOY: "true",
      NO_COLOR: "1",
      ...env,
    },
    readOnlyCommand(tree.dir, [Deno.execPath(), "run", "-A", "main.ts"]),
  );
}
