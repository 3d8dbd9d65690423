/**
 * `deno task start`: config → database → migrations → KV → app → Deno.serve.
 * With no configuration at all it runs on an embedded database under ./data.
 */
import { ConfigError, loadConfig } from "./lib/config.ts";
import { createStarling } from "./lib/server.ts";
import { DataDirectoryInUse } from "./lib/db/data-dir-lock.ts";
import { stopBudget } from "./lib/stop-budget.ts";

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
  let starling;
  try {
    starling = await createStarling(config);
  } catch (error) {
    if (error instanceof DataDirectoryInUse) {
      console.error(`Starling can't start: ${error.message}`);
      Deno.exit(1);
    }
    throw error;
  }
  const server = Deno.serve({
    port: config.port,
    hostname: config.hostname,
    onListen: ({ hostname, port }) => {
      const database = config.databaseUrl
        ? "Postgres"
        : `embedded PGlite in ${config.dataDir}/pg`;
      const role = config.role === "all" ? "" : `ROLE=${config.role}; `;
      // The address to open is ORIGIN: the listen address only redirects there. A worker
      // answers /health only.
      console.log(
        `Starling listening on ${hostname}:${port}: ${
          config.role === "worker" ? "/health only" : `open ${config.origin}`
        } (${role}${database}; ready in ${
          Math.round(performance.now() - started)
        } ms)`,
      );
    },
  }, starling.handler);

  // SIGTERM/SIGINT: stop accepting, end streams, let in-flight requests finish, let running
  // queue work finish, close the database, exit 0 — each wait bounded by the stop budget (10 s
  // each under a supervisor; all within Deno Deploy's 5 s notice there). One stop however many
  // signals come: `deno task start` passes its own SIGTERM on, so a process-group kill brings
  // two.
  const budget = stopBudget(config);
  let stopping = false;
  const shutdown = async (signal: Deno.Signal) => {
    if (stopping) return;
    stopping = true;
    console.log(
      `Starling shutting down (${signal}): finishing requests in flight…`,
    );
    // A safety net, should something never settle: exit anyway, non-zero, saying so.
    setTimeout(() => {
      console.error(
        `Starling: still stopping after ${budget.limitMs / 1000} s; exiting`,
      );
      Deno.exit(1);
    }, budget.limitMs);
    const finished = await starling.stop(server);
    if (!finished) {
      console.warn(
        `requests still running after ${budget.requestsMs / 1000} s were cut`,
      );
    }
    Deno.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    Deno.addSignalListener(signal, () => shutdown(signal));
  }
  await server.finished;
}

if (import.meta.main) await main();
