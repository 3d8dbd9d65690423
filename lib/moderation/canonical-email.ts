/**
 * An e-mail address as Mastodon canonicalises it (app/models/concerns/canonical_email.rb): the
 * local part without dots and without a `+suffix`, then all of it in lower case — so
 * `Foo.Bar+x@gmail.com` and `foobar@gmail.com` are one address. Canonical e-mail blocks hold
 * the sha256 (hex) of that form, never the address itself.
 */
export function canonicalEmail(email: string): string {
  const address = email.trim();
  const at = address.lastIndexOf("@");
  if (at < 0) return address.toLowerCase();
  const local = address.slice(0, at).replaceAll(".", "").split("+", 1)[0];
  return `${local}@${address.slice(at + 1)}`.toLowerCase();
}

export async function canonicalEmailHash(email: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(canonicalEmail(email)),
  );
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}
