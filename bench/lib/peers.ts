/**
 * Simulated peers for the federation scenarios: an RSA key pair and an Ed25519 key pair whose
 * public halves the peer process publishes for all its actors, and a spawned
 * `bench/peers/actors.ts` on `origins` ports, shaped by a `PeerProfile`.
 */
import { exportMultibaseKey, signObject, signRequest } from "@fedify/fedify";
import { Create, Note, PUBLIC_COLLECTION } from "@fedify/vocab";
import { freePorts, spawnDeno, type Spawned } from "./process.ts";

/** How the peers' inboxes behave (origins by index, 0-based). */
export interface PeerProfile {
  /** Origins whose actors publish no shared inbox (and whose `/inbox` is 404). */
  noShared?: number[];
  /** Origins answering 503 for `unavailableMs` after their first delivery. */
  unavailable?: number[];
  /** Origins that never answer a delivery (the connection is held open). */
  hanging?: number[];
  unavailableMs?: number;
  /** Each delivery is answered after delayMs ± jitterMs (uniform). */
  delayMs?: number;
  jitterMs?: number;
  /** Verify each delivery's draft-cavage signature with the sender's key (fetched once). */
  verify?: boolean;
}

export interface PeerStats {
  /** Valid deliveries answered 202. */
  delivered: number;
  /** Deliveries refused for a missing or wrong signature. */
  invalid: number;
  /** Deliveries answered 503, and deliveries held without an answer. */
  unavailable: number;
  hung: number;
  /** Origins with at least one valid delivery. */
  hosts: number;
  /** Valid deliveries to healthy origins, and each one's [activity id, epoch ms at arrival,
   * 1 if to a personal inbox]. */
  healthy: number;
  arrivals?: [string, number, 0 | 1][];
}

/** A note's content as the simulated actors send it. */
export interface NoteInput {
  actor: string;
  id: string;
  content: string;
}

export interface Peers {
  origins: string[];
  actorsPerOrigin: number;
  /** Actor id of actor j (1-based) on origin k (0-based). */
  actorId(k: number, j: number): string;
  /** A signed POST of `activity` to `url`, as the activity's actor (draft-cavage, RSA). */
  signedPost(url: string, activity: { actor: string }): Promise<Request>;
  /** Create(Note) with an Ed25519 Object Integrity Proof (eddsa-jcs-2022), no HTTP signature. */
  proofPost(url: string, note: NoteInput): Promise<Request>;
  /** Deliveries received so far, and how many origins received at least one. */
  delivered(): Promise<number>;
  hostsReached(): Promise<number>;
  stats(arrivals?: boolean): Promise<PeerStats>;
  /** Turns the profile's failing origins on (default) or off. */
  setFailures(on: boolean): Promise<void>;
  ports: number[];
  stop(): Promise<void>;
  /** Starts the peer process again on the same ports (counters start from 0). */
  restart(): Promise<void>;
}

export async function startPeers(
  origins: number,
  actorsPerOrigin: number,
  profile: PeerProfile = {},
): Promise<Peers> {
  const keys = await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  ) as CryptoKeyPair;
  const ed25519 = await crypto.subtle.generateKey("Ed25519", true, [
    "sign",
    "verify",
  ]) as CryptoKeyPair;
  const spki = new Uint8Array(
    await crypto.subtle.exportKey("spki", keys.publicKey),
  );
  const b64 = btoa(String.fromCharCode(...spki)).replace(/(.{64})/g, "$1\n");
  const pem = `-----BEGIN PUBLIC KEY-----\n${b64}\n-----END PUBLIC KEY-----\n`;
  const ports = freePorts(origins);
  const spawn = async () =>
    spawnDeno({
      name: "peers",
      args: ["run", "-A", "bench/peers/actors.ts"],
      port: ports[0],
      env: {
        PEER_PORTS: ports.join(","),
        ACTORS: String(actorsPerOrigin),
        PEER_PUBLIC_PEM: pem,
        PEER_ED25519_MULTIBASE: await exportMultibaseKey(ed25519.publicKey),
        PEER_PROFILE: JSON.stringify(profile),
      },
    });
  let process: Spawned | null = await spawn();
  const originOf = (k: number) => `http://127.0.0.1:${ports[k]}`;
  const stats = async (arrivals = false): Promise<PeerStats> =>
    await (await fetch(`${originOf(0)}/stats${arrivals ? "?arrivals" : ""}`))
      .json();
  const post = (url: string, body: unknown) =>
    new Request(url, {
      method: "POST",
      headers: {
        "content-type": "application/activity+json",
        accept: "application/activity+json",
      },
      body: JSON.stringify(body),
    });
  return {
    origins: ports.map((_, k) => originOf(k)),
    ports,
    actorsPerOrigin,
    actorId: (k, j) => `${originOf(k)}/users/a${j}`,
    signedPost: (url, activity) =>
      signRequest(
        post(url, activity),
        keys.privateKey,
        new URL(`${activity.actor}#main-key`),
      ),
    async proofPost(url, note) {
      const actor = new URL(note.actor);
      const create = new Create({
        id: new URL(`${note.id}/activity`),
        actor,
        to: PUBLIC_COLLECTION,
        object: new Note({
          id: new URL(note.id),
          attribution: actor,
          content: note.content,
          to: PUBLIC_COLLECTION,
          url: new URL(note.id),
        }),
      });
      const signed = await signObject(
        create,
        ed25519.privateKey,
        new URL(`${note.actor}#ed25519-key`),
      );
      return post(url, await signed.toJsonLd({ format: "compact" }));
    },
    stats,
    delivered: async () => (await stats()).delivered,
    hostsReached: async () => (await stats()).hosts,
    async setFailures(on) {
      const res = await fetch(`${originOf(0)}/control`, {
        method: "POST",
        body: JSON.stringify({ failures: on }),
      });
      await res.body?.cancel();
    },
    async stop() {
      await process?.stop();
      process = null;
    },
    async restart() {
      await process?.stop();
      process = await spawn();
    },
  };
}
