/**
 * A throwaway PostgreSQL server of a test's own: initdb in a temporary directory, its own port,
 * its socket in that directory. For tests that stop or restart the database — the shared server
 * on 5432 serves every other test running in parallel, so nobody restarts that one.
 *
 * The binaries come from Debian's `/usr/lib/postgresql/<version>/bin` (newest version), else
 * from PATH. Postgres refuses to run as root, so as root they run as the `postgres` user.
 */
import { freePort } from "./server-process.ts";

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication). */
  url: string;
  /** Stops the server at once, ending every session (`pg_ctl stop -m fast`). */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stops it if running and deletes its directory; safe to call more than once. */
  remove(): Promise<void>;
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = await serverBinaries();
  const asRoot = Deno.uid() === 0;
  const dir = await Deno.makeTempDir({ prefix: "starling-pg-" });
  const data = `${dir}/data`;
  const run = async (program: string, args: string[]) => {
    const command = asRoot
      ? new Deno.Command("runuser", {
        args: ["-u", "postgres", "--", `${bin}${program}`, ...args],
      })
      : new Deno.Command(`${bin}${program}`, { args });
    const { success, stdout, stderr } = await command.output();
    if (!success) {
      const log = await Deno.readTextFile(`${dir}/server.log`).catch(() => "");
      const text = new TextDecoder();
      throw new Error(
        `${program} ${args.join(" ")} failed:\n${text.decode(stdout)}${
          text.decode(stderr)
        }${log}`,
      );
    }
  };
  let port = 0;
  // pg_ctl's -l matters: without it the server inherits our pipes and `output()` never returns.
  const start = () =>
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      `${dir}/server.log`,
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      "-w",
      "start",
    ]);
  let running = false;
  const cluster: PostgresCluster = {
    get url() {
      return `postgres://postgres@127.0.0.1:${port}/postgres`;
    },
    async stop() {
      await run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async remove() {
      if (running) await cluster.stop().catch(() => {});
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
  try {
    if (asRoot) {
      const chown = await new Deno.Command("chown", {
        args: ["postgres:", dir],
      }).output();
      if (!chown.success) throw new Error(`chown postgres ${dir} failed`);
    }
    await run("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=trust",
      "--no-sync",
    ]);
    // A port found free can be taken before the server binds it (tests run in parallel).
    for (let attempt = 1;; attempt++) {
      port = freePort();
      try {
        await cluster.start();
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    return cluster;
  } catch (error) {
    await cluster.remove();
    throw error;
  }
}

async function serverBinaries(): Promise<string> {
  const root = "/usr/lib/postgresql";
  const versions: number[] = [];
  try {
    for await (const entry of Deno.readDir(root)) {
      if (entry.isDirectory && /^\d+$/.test(entry.name)) {
        versions.push(Number(entry.name));
      }
    }
  } catch {
    // Not Debian's layout: initdb and pg_ctl are expected on PATH.
  }
  return versions.length ? `${root}/${Math.max(...versions)}/bin/` : "";
}
