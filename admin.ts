/**
 * `deno task admin …`: the operator's command line, like Mastodon's `tootctl`.
 * Every error exits non-zero with one line saying why.
 *
 * With Postgres it connects to the database itself. With the embedded database only one process
 * may open the data directory: while a server holds it, the command runs inside that server;
 * otherwise the CLI opens the directory (holding it until done). One line on stderr says which.
 */
import { type Config, loadConfig } from "./lib/config.ts";
import { openDeps } from "./lib/server.ts";
import { type AdminStreams, errorMessage, runAdmin } from "./lib/admin/mod.ts";
import { runInServer } from "./lib/admin/remote.ts";
import { dataDirectoryHolder } from "./lib/db/data-dir-lock.ts";
import { subscribeOutboxLazily } from "./lib/federation/lazy.ts";

async function runAdminCli(
  config: Config,
  argv: string[],
  io: AdminStreams,
): Promise<number> {
  const pgDir = `${config.dataDir}/pg`;
  if (!config.databaseUrl) {
    const server = await dataDirectoryHolder(pgDir);
    if (server !== null) {
      return await runInServer(config.dataDir, server, argv, io);
    }
  }
  const deps = await openDeps(config, { commandLine: true });
  if (!config.databaseUrl) {
    io.err(`admin: opened the embedded database in ${pgDir}`);
  }
  // Commands speak for our accounts too (deleting one federates a Delete): deliveries are
  // queued (Postgres table or the DATA_DIR's KV file) for the server's queue worker to send.
  const stopOutbox = subscribeOutboxLazily(deps);
  try {
    return await runAdmin(deps, argv, io);
  } finally {
    stopOutbox();
    await deps.close();
  }
}

if (import.meta.main) {
  let code: number;
  try {
    code = await runAdminCli(loadConfig(), Deno.args, {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } catch (error) {
    console.error(`error: ${errorMessage(error)}`);
    code = 1;
  }
  Deno.exit(code);
}
