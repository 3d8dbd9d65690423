/**
 * A loopback TCP listener that counts connections and answers none of them: for SSRF tests,
 * where any connection reaching it is a failure to refuse.
 */
export function connectionCounter() {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  let connections = 0;
  (async () => {
    for await (const conn of listener) {
      connections++;
      conn.close();
    }
  })().catch(() => {});
  return {
    port: (listener.addr as Deno.NetAddr).port,
    get connections() {
      return connections;
    },
    close: () => listener.close(),
  };
}
