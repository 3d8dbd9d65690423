/**
 * Which addresses federation may connect to. `pinned-fetch.ts` applies `isPrivateAddress` to
 * every address a host resolves to when connecting (actors, objects, keys, WebFinger, every
 * redirect hop, and deliveries' POSTs: see `pinned-delivery.ts`). Deliveries go to whatever inbox
 * URL an actor document names: a hostile actor with `inbox: http://169.254.169.254/…` would make
 * us send requests into the operator's network; so remote actors whose inboxes are not public are
 * refused up front too (`persistActor`), using `isPublicUrl`. The ranges: loopback, RFC 1918, link-local, CGNAT, unspecified, multicast,
 * documentation, ULA, and IPv4 embedded in IPv4-mapped and NAT64 IPv6.
 */
import { isIP } from "node:net";
import { lookup } from "node:dns/promises";

/** Every address `hostname` resolves to. */
export type Resolver = (hostname: string) => Promise<string[]>;

/** The system's resolver (`getaddrinfo`: /etc/hosts, then DNS). */
export async function systemResolve(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true })).map((a) => a.address);
}

const IPV4_PRIVATE: [string, number][] = [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

function ipv4ToNumber(ip: string): number | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    n = n * 256 + Number(part);
  }
  return n;
}

function inIpv4Range(n: number, base: string, bits: number): boolean {
  const b = ipv4ToNumber(base)!;
  const size = 2 ** (32 - bits);
  return Math.floor(n / size) === Math.floor(b / size);
}

/** Eight 16-bit words, or null when `ip` is not IPv6 (dotted IPv4 tails allowed). */
function ipv6Words(ip: string): number[] | null {
  let text = ip.toLowerCase().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const tail = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const n = ipv4ToNumber(tail[1]);
    if (n === null) return null;
    text = text.slice(0, -tail[1].length) +
      `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (s: string) => s === "" ? [] : s.split(":");
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const words = [
    ...head,
    ...Array(halves.length === 2 ? missing : 0).fill("0"),
    ...rest,
  ];
  if (words.some((w) => !/^[0-9a-f]{1,4}$/.test(w))) return null;
  return words.map((w) => parseInt(w, 16));
}

/**
 * True when `ip` (IPv4 or IPv6 literal) is not a public unicast address. Anything that doesn't
 * parse counts as private: refusing is the safe answer.
 */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ipv4ToNumber(ip);
  if (v4 !== null) {
    return IPV4_PRIVATE.some(([base, bits]) => inIpv4Range(v4, base, bits));
  }
  const w = ipv6Words(ip);
  if (!w) return true;
  const embedded = () =>
    `${w[6] >> 8}.${w[6] & 255}.${w[7] >> 8}.${w[7] & 255}`;
  // IPv4-mapped ::ffff:a.b.c.d and NAT64 64:ff9b::a.b.c.d carry an IPv4 address that is what
  // the connection really reaches.
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) {
    return isPrivateAddress(embedded());
  }
  if (w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0)) {
    return isPrivateAddress(embedded());
  }
  if (w[0] === 0x64 && w[1] === 0xff9b && w[2] === 1) return true; // local-use NAT64
  if (w[0] === 0) return true; // ::/16: unspecified, loopback, translated forms
  if (w[0] === 0x2001 && w[1] === 0) return true; // Teredo
  if (w[0] === 0x2001 && w[1] === 0x0db8) return true; // documentation
  if (w[0] === 0x2002) return true; // 6to4 (embeds any IPv4)
  if ((w[0] & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((w[0] & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((w[0] & 0xff00) === 0xff00) return true; // multicast
  return false;
}

/**
 * Whether a URL may be connected to: http(s) only, not `localhost`, and every address its host
 * resolves to (through `resolve`) public. DNS failures count as not public.
 */
export async function isPublicUrl(
  url: string | URL,
  resolve: Resolver = systemResolve,
): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return false;
  if (isIP(host)) return !isPrivateAddress(host);
  try {
    const addresses = await resolve(host);
    return addresses.length > 0 &&
      addresses.every((address) => !isPrivateAddress(address));
  } catch {
    return false;
  }
}
