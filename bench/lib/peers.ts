/**
 * Simulated peers for the federation scenarios: a key pair whose public half the peer process
 * publishes for all its actors, and a spawned `bench/peers/actors.ts` on `origins` ports.
 */
import { signRequest } from "@fedify/fedify";
import { freePorts, spawnDeno, type Spawned } from "./process.ts";

export interface Peers {
  origins: string[];
  actorsPerOrigin: number;
  /** Actor id of actor j (1-based) on origin k (0-based). */
  actorId(k: number, j: number): string;
  /** A signed POST of `activity` to `url`, as the activity's actor. */
  signedPost(url: string, activity: { actor: string }): Promise<Request>;
  /** Deliveries received so far, and how many origins received at least one. */
  delivered(): Promise<number>;
  hostsReached(): Promise<number>;
  ports: number[];
  stop(): Promise<void>;
  /** Starts the peer process again on the same ports (counters start from 0). */
  restart(): Promise<void>;
}

export async function startPeers(
  origins: number,
  actorsPerOrigin: number,
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
  );
  const spki = new Uint8Array(
    await crypto.subtle.exportKey("spki", keys.publicKey),
  );
  const b64 = btoa(String.fromCharCode(...spki)).replace(/(.{64})/g, "$1\n");
  const pem = `-----BEGIN PUBLIC KEY-----\n${b64}\n-----END PUBLIC KEY-----\n`;
  const ports = freePorts(origins);
  const spawn = () =>
    spawnDeno({
      name: "peers",
      args: ["run", "-A", "bench/peers/actors.ts"],
      port: ports[0],
      env: {
        PEER_PORTS: ports.join(","),
        ACTORS: String(actorsPerOrigin),
        PEER_PUBLIC_PEM: pem,
      },
    });
  let process: Spawned | null = await spawn();
  const originOf = (k: number) => `http://127.0.0.1:${ports[k]}`;
  const stats =
    async () => (await (await fetch(`${originOf(0)}/stats`)).json());
  return {
    origins: ports.map((_, k) => originOf(k)),
    ports,
    actorsPerOrigin,
    actorId: (k, j) => `${originOf(k)}/users/a${j}`,
    signedPost: (url, activity) =>
      signRequest(
        new Request(url, {
          method: "POST",
          headers: {
            "content-type": "application/activity+json",
            accept: "application/activity+json",
          },
          body: JSON.stringify(activity),
        }),
        keys.privateKey,
        new URL(`${activity.actor}#main-key`),
      ),
    delivered: async () => (await stats()).delivered,
    hostsReached: async () => (await stats()).hosts,
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
