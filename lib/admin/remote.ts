/**
 * Admin commands run by the server that holds the embedded database. Only one process may open
 * an embedded data directory (`lib/db/data-dir-lock.ts`), so while the server runs, the admin
 * CLI sends it the command line instead: the server runs `runAdmin` with its own deps (its
 * database, effects, streams and queue, so a new account is known at once and a deletion is
 * federated and streamed) and streams the output lines and the exit code back.
 *
 * The server listens on a loopback port and writes `DATA_DIR/admin-endpoint.json` (its pid, the
 * URL and a random token) readable by the owner only; a request without that token is refused.
 */
import type { Deps } from "../deps.ts";
import {
  AdminError,
  type AdminStreams,
  errorMessage,
  runAdmin,
} from "./mod.ts";
import { randomToken, safeEqual } from "../domain/secrets.ts";
import { settledWithin } from "../settle.ts";

const ENDPOINT_FILE = "admin-endpoint.json";
/** How long the CLI waits for a live server to take a command before saying it doesn't answer. */
const ANSWER_TIMEOUT_MS = 15_000;
/** How long stopping waits for commands still running. */
const STOP_GRACE_MS = 5_000;

interface Endpoint {
  pid: number;
  url: string;
  token: string;
}

/** One line of the response stream. */
type Message = { out: string } | { err: string } | { exit: number };

export interface AdminEndpoint {
  /** Stops taking commands (those running get a bounded time to finish). */
  close(): Promise<void>;
}

/** The server side: takes commands from the CLI until closed. */
export async function serveAdminCommands(
  deps: Deps,
  dataDir: string,
): Promise<AdminEndpoint> {
  const token = randomToken(32);
  const encoder = new TextEncoder();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (req) => {
      if (req.method !== "POST" || new URL(req.url).pathname !== "/run") {
        return new Response("Not found", { status: 404 });
      }
      const presented = req.headers.get("authorization") ?? "";
      if (!safeEqual(presented, `Bearer ${token}`)) {
        return new Response("Unauthorized", { status: 401 });
      }
      const argv = (await req.json().catch(() => null))?.argv;
      if (
        !Array.isArray(argv) || !argv.every((a) => typeof a === "string")
      ) {
        return new Response("argv must be a list of strings", { status: 400 });
      }
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          const send = (message: Message) => {
            try {
              controller.enqueue(
                encoder.encode(JSON.stringify(message) + "\n"),
              );
            } catch {
              // The CLI went away; the command still runs to its end.
            }
          };
          const code = await runAdmin(deps, argv, {
            out: (line) => send({ out: line }),
            err: (line) => send({ err: line }),
          });
          send({ exit: code });
          try {
            controller.close();
          } catch { /* already cancelled */ }
        },
      });
      return new Response(body, {
        headers: { "content-type": "application/x-ndjson" },
      });
    },
  );
  const path = `${dataDir}/${ENDPOINT_FILE}`;
  const endpoint: Endpoint = {
    pid: Deno.pid,
    url: `http://127.0.0.1:${server.addr.port}/run`,
    token,
  };
  // Created afresh so that the owner-only mode applies (a mode given for an existing file is not).
  await Deno.remove(path).catch(() => {});
  await Deno.writeTextFile(path, JSON.stringify(endpoint), {
    mode: 0o600,
    createNew: true,
  });
  return {
    async close() {
      if ((await readEndpoint(dataDir))?.pid === Deno.pid) {
        await Deno.remove(path).catch(() => {});
      }
      await settledWithin(server.shutdown(), STOP_GRACE_MS);
    },
  };
}

/**
 * The CLI side: runs `argv` in the server `pid` (the holder of the data directory), printing
 * its lines as they come, and returns its exit code. A holder that takes no commands (another
 * CLI) or doesn't answer is an error: the database files are never opened a second time.
 */
export async function runInServer(
  dataDir: string,
  pid: number,
  argv: string[],
  io: AdminStreams,
): Promise<number> {
  const endpoint = await readEndpoint(dataDir);
  if (endpoint?.pid !== pid) {
    throw new AdminError(
      `the embedded database in ${dataDir}/pg is held by pid ${pid}, which takes no admin ` +
        `commands (another admin command, or a server still starting?); not opening it a ` +
        `second time — try again when it has finished`,
    );
  }
  io.err(`admin: using the running server (pid ${pid})`);
  const answered = new AbortController();
  const timer = setTimeout(() => answered.abort(), ANSWER_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${endpoint.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ argv }),
      signal: answered.signal,
    });
  } catch (error) {
    throw new AdminError(
      `the server (pid ${pid}) holds ${dataDir}/pg but does not answer at ${endpoint.url} ` +
        `(${answered.signal.aborted ? "no answer" : errorMessage(error)}); ` +
        `not opening the database a second time`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) {
    throw new AdminError(
      `the server (pid ${pid}) refused the command: ${response.status} ${await response
        .text()}`,
    );
  }
  let buffered = "";
  for await (
    const chunk of response.body.pipeThrough(new TextDecoderStream())
  ) {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const message = JSON.parse(buffered.slice(0, newline)) as Message;
      buffered = buffered.slice(newline + 1);
      if ("out" in message) io.out(message.out);
      else if ("err" in message) io.err(message.err);
      else return message.exit;
    }
  }
  throw new AdminError(
    `the server (pid ${pid}) stopped before the command finished`,
  );
}

async function readEndpoint(dataDir: string): Promise<Endpoint | null> {
  try {
    return JSON.parse(
      await Deno.readTextFile(`${dataDir}/${ENDPOINT_FILE}`),
    ) as Endpoint;
  } catch {
    return null;
  }
}
