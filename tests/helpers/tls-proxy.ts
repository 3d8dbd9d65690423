/**
 * A TLS-terminating reverse proxy on loopback, as the README's production set-up puts in front
 * of Starling (Caddy, nginx): it serves https with a self-signed certificate made at start
 * (`openssl`), and forwards each request over plain http to the server, passing `Host` and
 * `X-Forwarded-For`. `fetch` trusts that certificate. Deno's own `fetch` won't send a `Host`
 * of our choosing, so forwarding goes through `node:http`.
 */
import http from "node:http";
import { Buffer } from "node:buffer";

export interface TlsProxy {
  /** e.g. `https://localhost:41234`: what `ORIGIN` is set to behind it. */
  origin: string;
  /** Where requests go from now on, e.g. `http://127.0.0.1:41235`. */
  forwardTo(target: string): void;
  /** `fetch` over https through the proxy, trusting its certificate. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

async function selfSignedCertificate(): Promise<{ cert: string; key: string }> {
  const dir = await Deno.makeTempDir({ prefix: "starling-tls-" });
  try {
    const { success, stderr } = await new Deno.Command("openssl", {
      args: [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost",
        // rustls refuses a CA certificate as the server's own (openssl's default is CA:TRUE).
        "-addext",
        "basicConstraints=critical,CA:FALSE",
        "-addext",
        "extendedKeyUsage=serverAuth",
        "-keyout",
        `${dir}/key.pem`,
        "-out",
        `${dir}/cert.pem`,
      ],
      stdout: "null",
      stderr: "piped",
    }).output();
    if (!success) {
      throw new Error(`openssl failed: ${new TextDecoder().decode(stderr)}`);
    }
    return {
      cert: await Deno.readTextFile(`${dir}/cert.pem`),
      key: await Deno.readTextFile(`${dir}/key.pem`),
    };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Sends `req` to `target` with its own headers (`Host` included) and returns the answer. */
function forward(
  req: Request,
  body: Uint8Array,
  target: URL,
  clientAddress: string,
): Promise<Response> {
  const url = new URL(req.url);
  const headers: Record<string, string> = Object.fromEntries(req.headers);
  // As nginx's `proxy_set_header Host $host` (over HTTP/2 the client sent `:authority`).
  headers.host = url.host;
  headers["x-forwarded-for"] = clientAddress;
  return new Promise((resolve, reject) => {
    const outgoing = http.request({
      host: target.hostname,
      port: Number(target.port),
      method: req.method,
      path: url.pathname + url.search,
      headers,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value === undefined || name === "transfer-encoding") continue;
          for (const v of Array.isArray(value) ? value : [value]) {
            responseHeaders.append(name, v);
          }
        }
        const status = res.statusCode ?? 502;
        const empty = req.method === "HEAD" || status === 204 || status === 304;
        resolve(
          new Response(empty ? null : Buffer.concat(chunks), {
            status,
            headers: responseHeaders,
          }),
        );
      });
    });
    outgoing.on("error", reject);
    outgoing.end(body.byteLength > 0 ? body : undefined);
  });
}

export async function startTlsProxy(): Promise<TlsProxy> {
  const { cert, key } = await selfSignedCertificate();
  let target: URL | null = null;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, cert, key, onListen() {} },
    async (req, info) => {
      const body = new Uint8Array(await req.arrayBuffer());
      if (!target) return new Response("no upstream yet", { status: 502 });
      return await forward(req, body, target, info.remoteAddr.hostname);
    },
  );
  const origin = `https://localhost:${server.addr.port}`;
  const client = Deno.createHttpClient({ caCerts: [cert] });
  return {
    origin,
    forwardTo(upstream) {
      target = new URL(upstream);
    },
    fetch: (path, init) => fetch(new URL(path, origin), { ...init, client }),
    async close() {
      await server.shutdown();
      client.close();
    },
  };
}
