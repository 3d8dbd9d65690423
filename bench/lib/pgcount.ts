/**
 * Counts the statements a server sends to Postgres: a loopback TCP proxy in front of 5432 that
 * reads the client side of the wire protocol and counts Execute ('E') and simple Query ('Q')
 * messages. pg_stat_statements would do this, but it needs shared_preload_libraries, which the
 * shared Postgres server does not have. Used only for query-count phases (it adds latency).
 */

export interface QueryCounter {
  port: number;
  count(): number;
  /** The text of every statement bound or run since the last call (then cleared). */
  takeLog(): string[];
  close(): void;
}

export function startQueryCounter(
  target = { hostname: "127.0.0.1", port: 5432 },
): QueryCounter {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  let statements = 0;
  let log: string[] = [];
  const conns = new Set<Deno.Conn>();
  (async () => {
    for await (const client of listener) {
      conns.add(client);
      handle(client).catch(() => {}).finally(() => conns.delete(client));
    }
  })().catch(() => {});

  async function handle(client: Deno.Conn) {
    const server = await Deno.connect(target);
    conns.add(server);
    const back = server.readable.pipeTo(client.writable).catch(() => {});
    const writer = server.writable.getWriter();
    let buffer: Uint8Array = new Uint8Array(0);
    // Prepared statement name → SQL text, per connection (from Parse messages).
    const prepared = new Map<string, string>();
    let startup = true;
    try {
      for await (const chunk of client.readable) {
        await writer.write(chunk);
        buffer = concat(buffer, chunk);
        // Walk whole messages; keep a partial tail for the next chunk.
        let offset = 0;
        while (true) {
          if (startup) {
            if (buffer.length - offset < 8) break;
            const len = view(buffer).getInt32(offset);
            const code = view(buffer).getInt32(offset + 4);
            if (buffer.length - offset < len) break;
            offset += len;
            // SSLRequest / GSSENCRequest come before the real startup message.
            if (code !== 80877103 && code !== 80877104) startup = false;
          } else {
            if (buffer.length - offset < 5) break;
            const type = buffer[offset];
            const len = view(buffer).getInt32(offset + 1);
            if (buffer.length - offset < len + 1) break;
            if (type === 0x45 /* E */ || type === 0x51 /* Q */) statements++;
            const body = buffer.subarray(offset + 5, offset + 1 + len);
            if (type === 0x50 /* P */) {
              const [name, text] = cstrings(body, 2);
              prepared.set(name, text);
            } else if (type === 0x42 /* B */) {
              const [, name] = cstrings(body, 2);
              log.push(prepared.get(name) ?? `(statement ${name})`);
            } else if (type === 0x51) {
              log.push(cstrings(body, 1)[0]);
            }
            offset += len + 1;
          }
        }
        buffer = buffer.slice(offset);
      }
    } finally {
      await writer.close().catch(() => {});
      await back;
      conns.delete(server);
    }
  }

  return {
    port: (listener.addr as Deno.NetAddr).port,
    count: () => statements,
    takeLog() {
      const taken = log;
      log = [];
      return taken;
    },
    close() {
      listener.close();
      for (const conn of conns) {
        try {
          conn.close();
        } catch { /* closed */ }
      }
    },
  };
}

/** The first `n` NUL-terminated strings of a message body. */
function cstrings(body: Uint8Array, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < n && start <= body.length) {
    let end = body.indexOf(0, start);
    if (end < 0) end = body.length;
    out.push(decoder.decode(body.subarray(start, end)));
    start = end + 1;
  }
  return out;
}

const decoder = new TextDecoder();

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
