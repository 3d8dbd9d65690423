/**
 * A push service and browser in one, on loopback: it holds its own ECDH P-256 key pair and auth
 * secret (what a browser hands out as `keys.p256dh` / `keys.auth`), accepts the POSTs a push
 * service would, checks their VAPID signature (RFC 8292) against the public key the instance
 * advertises, and decrypts the body with `http_ece` (`aes128gcm`, RFC 8291, or the draft
 * `aesgcm`). Each push is answered with the next scripted answer (201 when none is left): a
 * status, or a status with headers (a 429 with `Retry-After`).
 */
import { Buffer } from "node:buffer";
import crypto from "node:crypto";
import ece from "http_ece";

export interface ReceivedPush {
  encoding: string;
  headers: Headers;
  /** The decrypted payload as sent, and parsed. */
  text: string;
  payload: Record<string, unknown>;
  /** The `notification_id` digits exactly as written (a JSON number beyond 2^53). */
  notificationId: string;
  /** What was wrong with the VAPID signature or claims (empty when all was right). */
  problems: string[];
}

export interface ScriptedAnswer {
  status: number;
  headers: Record<string, string>;
}

export interface PushReceiver {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The next push received (in arrival order; resolves at once for one already in). */
  next(): Promise<ReceivedPush>;
  /** Every push received so far. */
  received: ReceivedPush[];
  /** Answers for the next pushes, in order (then 201). */
  respondWith(...answers: (number | ScriptedAnswer)[]): void;
  close(): Promise<void>;
}

export function startPushReceiver(vapidPublicKey: string): PushReceiver {
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16);
  const received: ReceivedPush[] = [];
  const waiting: ((push: ReceivedPush) => void)[] = [];
  let read = 0;
  const script: (number | ScriptedAnswer)[] = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (req) => {
      const body = Buffer.from(await req.arrayBuffer());
      const push = await open(req.headers, body, {
        ecdh,
        auth,
        vapidPublicKey,
        audience: new URL(req.url).origin,
      });
      received.push(push);
      waiting.shift()?.(push);
      const answer = script.shift() ?? 201;
      return typeof answer === "number"
        ? new Response(null, { status: answer })
        : new Response(null, answer);
    },
  );
  const origin = `http://127.0.0.1:${server.addr.port}`;
  return {
    endpoint: `${origin}/push/${crypto.randomUUID()}`,
    keys: {
      p256dh: ecdh.getPublicKey().toString("base64url"),
      auth: auth.toString("base64url"),
    },
    received,
    next() {
      const push = received[read];
      if (push) {
        read++;
        return Promise.resolve(push);
      }
      return new Promise((resolve) =>
        waiting.push((p) => {
          read++;
          resolve(p);
        })
      );
    },
    respondWith(...answers) {
      script.push(...answers);
    },
    close: () => server.shutdown(),
  };
}

async function open(
  headers: Headers,
  body: Buffer,
  keys: {
    ecdh: crypto.ECDH;
    auth: Buffer;
    vapidPublicKey: string;
    audience: string;
  },
): Promise<ReceivedPush> {
  const encoding = headers.get("content-encoding") ?? "";
  const problems: string[] = [];
  const authorization = headers.get("authorization") ?? "";
  let jwt: string | undefined;
  let signingKey: string | undefined;
  if (encoding === "aes128gcm") {
    // RFC 8292 §3: `vapid t=<jwt>, k=<public key>`.
    jwt = /\bt=([^,\s]+)/.exec(authorization)?.[1];
    signingKey = /\bk=([^,\s]+)/.exec(authorization)?.[1];
    if (!/^vapid /i.test(authorization)) problems.push("not a vapid scheme");
  } else {
    // The draft scheme: `WebPush <jwt>`, the key in `Crypto-Key: p256ecdsa=`.
    jwt = /^WebPush (\S+)$/.exec(authorization)?.[1];
    signingKey = /p256ecdsa=([^;,\s]+)/.exec(
      headers.get("crypto-key") ?? "",
    )?.[1];
  }
  if (signingKey !== keys.vapidPublicKey) {
    problems.push(`signed with ${signingKey}, not the advertised key`);
  }
  if (!jwt) problems.push("no JWT");
  else {problems.push(
      ...await checkJwt(jwt, keys.vapidPublicKey, keys.audience),
    );}
  const params: Record<string, unknown> = {
    version: encoding,
    privateKey: keys.ecdh,
    authSecret: keys.auth.toString("base64url"),
  };
  if (encoding === "aesgcm") {
    params.dh = /dh=([^;,\s]+)/.exec(headers.get("crypto-key") ?? "")?.[1];
    params.salt = /salt=([^;,\s]+)/.exec(headers.get("encryption") ?? "")
      ?.[1];
  }
  const text = ece.decrypt(body, params).toString("utf8");
  return {
    encoding,
    headers,
    text,
    payload: JSON.parse(text),
    notificationId: /"notification_id":\s*"?(\d+)/.exec(text)?.[1] ?? "",
    problems,
  };
}

/** ES256 over the advertised key; `aud` is the push service's origin, `exp` within a day. */
async function checkJwt(
  jwt: string,
  publicKey: string,
  audience: string,
): Promise<string[]> {
  const [header, claims, signature] = jwt.split(".");
  const key = await crypto.webcrypto.subtle.importKey(
    "raw",
    Buffer.from(publicKey, "base64url"),
    { name: "ECDSA", namedCurve: "P-256" },
    false,
    ["verify"],
  );
  const valid = await crypto.webcrypto.subtle.verify(
    { name: "ECDSA", hash: "SHA-256" },
    key,
    Buffer.from(signature, "base64url"),
    new TextEncoder().encode(`${header}.${claims}`),
  );
  const problems = valid ? [] : ["JWT signature does not verify"];
  const { aud, exp, sub } = JSON.parse(
    Buffer.from(claims, "base64url").toString(),
  );
  const now = Date.now() / 1000;
  if (aud !== audience) problems.push(`aud ${aud}, not ${audience}`);
  if (!(exp > now && exp <= now + 24 * 3600 + 60)) {
    problems.push(`exp ${exp} out of range`);
  }
  if (!/^(mailto:|https:)/.test(sub)) problems.push(`sub ${sub}`);
  return problems;
}
