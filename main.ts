/**
 * `deno task start`: config → database → migrations → KV → app → Deno.serve.
 * With no configuration at all it runs on an embedded database under ./data.
 */
import { ConfigError, loadConfig } from "./lib/config.ts";
import { createStarling } from "./lib/server.ts";

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Starling can't start: ${error.message}`);
      Deno.exit(1);
    }
    throw error;
  }
  const started = performance.now();
  const starling = await createStarling(config);
  const server = Deno.serve({
    port: config.port,
    hostname: config.hostname,
    onListen: ({ hostname, port }) => {
      const database = config.databaseUrl
        ? "Postgres"
        : `embedded PGlite in ${config.dataDir}/pg`;
      // The address to open is ORIGIN: the listen address only redirects there.
      console.log(
        `Starling listening on ${hostname}:${port}: open ${config.origin} ` +
          `(${database}; ready in ${
            Math.round(performance.now() - started)
          } ms)`,
      );
    },
  }, starling.handler);

  // SIGTERM/SIGINT: stop accepting, let in-flight requests finish, then close the database.
  const shutdown = async () => {
    console.log("Starling shutting down…");
    // Streaming clients never finish on their own: end them (they reconnect), so shutting down
    // waits for in-flight requests only.
    const stopped = server.shutdown();
    await starling.deps.streams.close();
    await stopped;
    await starling.close();
    Deno.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    Deno.addSignalListener(signal, shutdown);
  }
  await server.finished;
}

if (import.meta.main) await main();
