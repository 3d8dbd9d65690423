/**
 * Starling as an operator runs it: `deno run -A main.ts` in its own process, configured by
 * environment, for tests about what happens to the process itself (signals, kills, a database
 * that goes away).
 */

const ROOT = new URL("../..", import.meta.url).pathname;

/** A port nothing listens on (yet). */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

export interface ServerProcess {
  child: Deno.ChildProcess;
  /** Everything it printed so far (stdout and stderr), for assertion messages. */
  output: string[];
}

/**
 * Spawns the server with `env` and resolves once it says it is listening. By default
 * `deno run -A main.ts` in this tree; `command` runs it otherwise (as Deno Deploy would).
 */
export async function startServer(
  env: Record<string, string>,
  command: { cmd: string; args: string[]; cwd: string; clearEnv?: boolean } = {
    cmd: Deno.execPath(),
    args: ["run", "-A", "main.ts"],
    cwd: ROOT,
  },
): Promise<ServerProcess> {
  const child = new Deno.Command(command.cmd, {
    args: command.args,
    cwd: command.cwd,
    clearEnv: command.clearEnv,
    env,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output: string[] = [];
  const listening = Promise.withResolvers<void>();
  for (const stream of [child.stdout, child.stderr]) {
    (async () => {
      for await (
        const chunk of stream.pipeThrough(new TextDecoderStream())
      ) {
        output.push(chunk);
        if (chunk.includes("listening on")) listening.resolve();
      }
    })().catch(() => {});
  }
  const timer = setTimeout(
    () => listening.reject(new Error(`no start: ${output.join("")}`)),
    60_000,
  );
  child.status.then((status) =>
    listening.reject(
      new Error(`exited (${status.code}) before listening: ${output.join("")}`),
    )
  );
  try {
    await listening.promise;
  } finally {
    clearTimeout(timer);
  }
  return { child, output };
}
