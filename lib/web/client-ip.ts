/**
 * The client's address: the socket peer, or — only when that peer is a trusted proxy
 * (`TRUSTED_PROXIES`, default loopback) — the last untrusted address in `X-Forwarded-For`.
 */
export function clientAddress(
  req: Request,
  info: Deno.ServeHandlerInfo | undefined,
  trustedProxies: string[],
): string {
  const peer = normalize(
    (info?.remoteAddr as Deno.NetAddr | undefined)?.hostname ?? "",
  );
  if (!trustedProxies.includes(peer)) return peer;
  const forwarded = req.headers.get("x-forwarded-for");
  if (!forwarded) return peer;
  // Walk from the nearest hop outwards; the first address we don't trust is the client.
  const hops = forwarded.split(",").map((h) => normalize(h.trim())).filter(
    Boolean,
  );
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(hops[i])) return hops[i];
  }
  return hops[0] ?? peer;
}

export function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") ||
    address === "localhost";
}

function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address.replace(/^\[|\]$/g, "");
}
