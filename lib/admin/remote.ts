/**
 * Admin commands run by the server that holds the embedded database. Only one process may open
 * an embedded data directory (`lib/db/data-dir-lock.ts`), so while the server runs, the admin
 * CLI sends it the command line instead: the server runs `runAdmin` with its own deps (its
 * database, effects, streams and queue, so a new account is known at once and a deletion is
 * federated and streamed) and streams the output lines and the exit code back.
 *
 * The server listens on a loopback port and writes `DATA_DIR/admin-endpoint.json` (its pid, the
 * port and a random token) readable by the owner only; a request without that token is refused.
 * The protocol is JSON lines over TCP, not HTTP: `fetch` would honour `HTTP_PROXY` even for
 * 127.0.0.1 and hand the token to a proxy.
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
  port: number;
  token: string;
}

/** What the CLI sends: one line. */
interface Request {
  token: string;
  argv: string[];
}

/** What the server sends back, one per line: taken, then output, then the exit code. */
type Message =
  | { taken: true }
  | { out: string }
  | { err: string }
  | { exit: number };

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
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const running = new Set<Promise<void>>();
  const accepting = (async () => {
    for await (const conn of listener) {
      const done: Promise<void> = runConnection(deps, token, conn)
        .catch(() => {}) // the CLI went away: nothing to tell anyone
        .finally(() => {
          running.delete(done);
          closeQuietly(conn);
        });
      running.add(done);
    }
  })().catch(() => {}); // ends when the listener is closed
  const path = `${dataDir}/${ENDPOINT_FILE}`;
  const endpoint: Endpoint = {
    pid: Deno.pid,
    port: (listener.addr as Deno.NetAddr).port,
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
      listener.close();
      await accepting;
      await settledWithin(Promise.all(running), STOP_GRACE_MS);
    },
  };
}

async function runConnection(deps: Deps, token: string, conn: Deno.Conn) {
  const lines = readLines(conn.readable);
  const writer = conn.writable.getWriter();
  const encoder = new TextEncoder();
  // Writes queue in order; a failed one (the CLI left) doesn't stop the command.
  const send = (message: Message) =>
    writer.write(encoder.encode(JSON.stringify(message) + "\n")).catch(
      () => {},
    );
  const first = await lines.next();
  const request = first.done ? null : parseRequest(first.value);
  if (!request || !safeEqual(request.token, token)) {
    await send({ err: "error: refused: not a valid admin request" });
    await send({ exit: 1 });
  } else {
    send({ taken: true });
    const code = await runAdmin(deps, request.argv, {
      out: (line) => send({ out: line }),
      err: (line) => send({ err: line }),
    });
    await send({ exit: code });
  }
  await writer.close().catch(() => {});
}

function parseRequest(line: string): Request | null {
  try {
    const { token, argv } = JSON.parse(line);
    return typeof token === "string" && Array.isArray(argv) &&
        argv.every((a) => typeof a === "string")
      ? { token, argv }
      : null;
  } catch {
    return null;
  }
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
  const noAnswer = (why: string) =>
    new AdminError(
      `the server (pid ${pid}) holds ${dataDir}/pg but does not answer on 127.0.0.1:` +
        `${endpoint.port} (${why}); not opening the database a second time`,
    );
  let conn: Deno.Conn;
  try {
    conn = await Deno.connect({ hostname: "127.0.0.1", port: endpoint.port });
  } catch (error) {
    throw noAnswer(errorMessage(error));
  }
  try {
    const request: Request = { token: endpoint.token, argv };
    await conn.write(new TextEncoder().encode(JSON.stringify(request) + "\n"));
    const lines = readLines(conn.readable);
    // A stopped or wedged server accepts the connection (the kernel does) but never answers.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const first = await Promise.race([
      lines.next(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (first === null) {
      throw noAnswer(`nothing within ${ANSWER_TIMEOUT_MS / 1000} s`);
    }
    for (let line = first; !line.done; line = await lines.next()) {
      const message = JSON.parse(line.value) as Message;
      if ("out" in message) io.out(message.out);
      else if ("err" in message) io.err(message.err);
      else if ("exit" in message) return message.exit;
    }
    throw new AdminError(
      `the server (pid ${pid}) stopped before the command finished`,
    );
  } finally {
    closeQuietly(conn);
  }
}

/** Closing the writable side may have closed the connection already. */
function closeQuietly(conn: Deno.Conn) {
  try {
    conn.close();
  } catch { /* closed already */ }
}

/** Lines of text from a byte stream, without their newlines. */
async function* readLines(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of stream) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      yield buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
    }
  }
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
