/**
 * Domain names as Starling compares and stores them: lowercase, IDNs in
 * punycode, port kept, trailing root dot dropped.
 *
 * @module
 */
import { domainToASCII } from "node:url";

/**
 * Normalises a host (optionally with `:port`) for storage and comparison:
 * `Bücher.Example:8443` → `xn--bcher-kva.example:8443`. IPv6 literals keep
 * their brackets (`[::1]:3000`). A host the URL standard rejects is returned
 * trimmed and lowercased rather than throwing, so comparisons stay total.
 */
export function normalizeDomain(host: string): string {
  let h = String(host ?? "").trim();
  let port = "";
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    if (end > 0) {
      const rest = h.slice(end + 1);
      if (/^:\d+$/.test(rest)) port = rest;
      h = h.slice(0, end + 1);
    }
  } else {
    const colon = h.lastIndexOf(":");
    // One colon: host:port. Several without brackets: a bare IPv6 address.
    if (colon >= 0 && h.indexOf(":") === colon) {
      const p = h.slice(colon + 1);
      if (/^\d*$/.test(p)) {
        port = p === "" ? "" : `:${p}`;
        h = h.slice(0, colon);
      }
    } else if (colon >= 0) {
      h = `[${h}]`;
    }
  }
  if (port) port = `:${Number(port.slice(1))}`;
  h = h.replace(/[.\u3002\uff0e\uff61]$/, "");
  const ascii = h === "" ? "" : domainToASCII(h);
  return (ascii || h.toLowerCase()) + port;
}

/** True when both hosts name the same domain (and port) once normalised. */
export function sameDomain(a: string, b: string): boolean {
  return normalizeDomain(a) === normalizeDomain(b);
}
