/**
 * `deno task admin …`: the operator's command line, like Mastodon's `tootctl`.
 * Every error exits non-zero with one line saying why.
 */
import { ConfigError, loadConfig } from "./lib/config.ts";
import { openDeps } from "./lib/server.ts";
import { runAdminCommand } from "./lib/admin/mod.ts";
import { subscribeOutboxLazily } from "./lib/federation/lazy.ts";

if (import.meta.main) {
  let code = 0;
  try {
    const config = loadConfig();
    const deps = await openDeps(config);
    // Commands speak for our accounts too (deleting one federates a Delete): deliveries are
    // queued in the KV shared with the server, whose queue worker sends them.
    const stopOutbox = subscribeOutboxLazily(deps);
    try {
      code = await runAdminCommand(deps, Deno.args, {
        out: (line) => console.log(line),
      });
    } finally {
      stopOutbox();
      await deps.close();
    }
  } catch (error) {
    const message = error instanceof ConfigError || error instanceof Error
      ? error.message
      : String(error);
    console.error(`error: ${message}`);
    code = 1;
  }
  Deno.exit(code);
}
