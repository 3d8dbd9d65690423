/**
 * Actor key pairs, generated at sign-up: RSA-2048 for HTTP signatures (what Mastodon verifies;
 * Fedify's 4096-bit default costs ~5.7× per signature on Deno) and Ed25519 for object integrity
 * proofs (FEP-8b32 / FEP-521a).
 */
export interface GeneratedKey {
  algorithm: "RSASSA-PKCS1-v1_5" | "Ed25519";
  publicJwk: JsonWebKey;
  privateJwk: JsonWebKey;
}

export async function generateActorKeys(): Promise<GeneratedKey[]> {
  const rsa = await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  );
  const ed = await crypto.subtle.generateKey("Ed25519", true, [
    "sign",
    "verify",
  ]) as CryptoKeyPair;
  return [
    {
      algorithm: "RSASSA-PKCS1-v1_5",
      publicJwk: await crypto.subtle.exportKey("jwk", rsa.publicKey),
      privateJwk: await crypto.subtle.exportKey("jwk", rsa.privateKey),
    },
    {
      algorithm: "Ed25519",
      publicJwk: await crypto.subtle.exportKey("jwk", ed.publicKey),
      privateJwk: await crypto.subtle.exportKey("jwk", ed.privateKey),
    },
  ];
}
