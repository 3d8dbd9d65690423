/**
 * Every environment variable Starling reads, read once at start and validated.
 *
 * Nothing else in the code base touches `Deno.env`: `main.ts` calls `loadConfig()` and passes
 * the result down inside `Deps`, so tests can build as many differently configured instances
 * as they like in one process.
 */

export type Registrations = "open" | "approval" | "closed";

/**
 * What a process does (`ROLE`): `web` serves HTTP and streaming; `worker` runs the jobs
 * (`lib/jobs`, scheduled kinds included) and Fedify's queue and answers only a health check;
 * `all` does both.
 */
export type Role = "all" | "web" | "worker";

export interface Config {
  port: number;
  hostname: string;
  /** Public origin without a trailing slash, e.g. `https://social.example`. */
  origin: string;
  /** The host part of `origin` (with port when not default); the `@user@host` domain. */
  host: string;
  /** Postgres URL, or undefined for the embedded PGlite database under `dataDir/pg`. */
  databaseUrl?: string;
  dataDir: string;
  /**
   * Deno KV file, used only with the embedded database (Postgres keeps the queue and caches in
   * tables); undefined on Deno Deploy.
   */
  kvPath?: string;
  /** `ROLE`: which parts of Starling this process runs. */
  role: Role;
  /**
   * Running on Deno Deploy (`DENO_DEPLOYMENT_ID` is set): a stop must finish within its notice
   * (SIGINT, then SIGKILL 5 s later).
   */
  onDeploy: boolean;
  allowPrivateAddress: boolean;
  /** Allowlist mode (`LIMITED_FEDERATION`): only allowed domains federate at all. */
  limitedFederation?: boolean;
  /**
   * Who may read `GET /api/v1/instance/domain_blocks` (`SHOW_DOMAIN_BLOCKS`): nobody
   * (`disabled`, Mastodon's default), signed-in `users`, or `all`.
   */
  showDomainBlocks?: "disabled" | "users" | "all";
  registrations: Registrations;
  /** Signs session cookies and CSRF tokens; undefined means "generate once and keep". */
  secretKey?: string;
  /** Addresses whose `X-Forwarded-For` is believed. */
  trustedProxies: string[];
  /**
   * Multiplies every federation retry wait and the circuit breaker's pause (tests compress the
   * days-long schedule with e.g. 0.001). Default 1.
   */
  deliveryRetryScale: number;
  /** Where the server was started from: the project directory (routes, islands, static). */
  rootDir: string;
  /** Where uploaded media files go (`MEDIA_STORAGE`, `S3_*`). */
  media: MediaConfig;
  /**
   * The Web Push key pair from `VAPID_PUBLIC_KEY`/`VAPID_PRIVATE_KEY` (base64url); undefined
   * means "generate once and keep in the database".
   */
  vapid?: { publicKey: string; privateKey: string };
  /** Outgoing e-mail (`SMTP_URL`, `SMTP_FROM`). */
  mail: MailConfig;
}

export interface MailConfig {
  /** The SMTP server; undefined: mails are written to the server log instead (the default). */
  smtp?: SmtpConfig;
  /** The `From` header, e.g. `Starling <notifications@social.example>`. */
  from: string;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** `smtps://`: TLS from the first byte; `smtp://`: STARTTLS (required when it has a login). */
  implicitTls: boolean;
  user?: string;
  password?: string;
  /** `?tls_insecure=1`: accept any certificate (a self-signed test or LAN relay only). */
  tlsInsecure: boolean;
}

export type MediaConfig =
  | { storage: "local" }
  | { storage: "s3"; s3: S3Config };

export interface S3Config {
  /** e.g. `https://s3.eu-central-1.amazonaws.com` or `http://127.0.0.1:9000` (path-style). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Base URL the files are public under, without a trailing slash (`<publicUrl>/<key>`). */
  publicUrl: string;
}

/** A configuration value that is present but wrong; its message is one line for the operator. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(
  env: Env = Deno.env.toObject(),
  rootDir = Deno.cwd(),
): Config {
  const port = parsePort(env.PORT);
  const hostname = env.HOSTNAME?.trim() || "127.0.0.1";
  const origin = parseOrigin(env.ORIGIN, port);
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
  const registrations = parseEnum(
    env.REGISTRATIONS,
    "REGISTRATIONS",
    [
      "open",
      "approval",
      "closed",
    ] as const,
    "open",
  );
  const secretKey = env.SECRET_KEY?.trim() || undefined;
  if (secretKey !== undefined && secretKey.length < 32) {
    throw new ConfigError("SECRET_KEY", "must be at least 32 characters long");
  }
  const dataDir = env.DATA_DIR?.trim() || "./data";
  const role = parseEnum(
    env.ROLE,
    "ROLE",
    ["all", "web", "worker"] as const,
    "all",
  );
  if (role !== "all" && !databaseUrl) {
    throw new ConfigError(
      "ROLE",
      `"${role}" needs DATABASE_URL (the embedded database serves one process: use ROLE=all)`,
    );
  }
  return {
    port,
    hostname,
    origin,
    host: new URL(origin).host,
    databaseUrl,
    dataDir,
    kvPath: env.DENO_DEPLOYMENT_ID ? undefined : `${dataDir}/kv.sqlite3`,
    role,
    onDeploy: Boolean(env.DENO_DEPLOYMENT_ID?.trim()),
    allowPrivateAddress: parseBoolean(
      env.ALLOW_PRIVATE_ADDRESS,
      "ALLOW_PRIVATE_ADDRESS",
      false,
    ),
    limitedFederation: parseBoolean(
      env.LIMITED_FEDERATION,
      "LIMITED_FEDERATION",
      false,
    ),
    showDomainBlocks: parseEnum(
      env.SHOW_DOMAIN_BLOCKS,
      "SHOW_DOMAIN_BLOCKS",
      ["disabled", "users", "all"] as const,
      "disabled",
    ),
    registrations,
    secretKey,
    trustedProxies: parseList(env.TRUSTED_PROXIES) ?? ["127.0.0.1", "::1"],
    deliveryRetryScale: parseScale(env.DELIVERY_RETRY_SCALE),
    rootDir,
    media: parseMediaConfig(env),
    vapid: parseVapid(env),
    mail: {
      smtp: parseSmtpUrl(env.SMTP_URL),
      from: parseMailFrom(env.SMTP_FROM, new URL(origin).hostname),
    },
  };
}

/** Both VAPID variables or neither: half a key pair can't sign. */
function parseVapid(env: Env): Config["vapid"] {
  const publicKey = env.VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.VAPID_PRIVATE_KEY?.trim();
  if (!publicKey && !privateKey) return undefined;
  if (!publicKey) {
    throw new ConfigError(
      "VAPID_PUBLIC_KEY",
      "is required with VAPID_PRIVATE_KEY",
    );
  }
  if (!privateKey) {
    throw new ConfigError(
      "VAPID_PRIVATE_KEY",
      "is required with VAPID_PUBLIC_KEY",
    );
  }
  if (!/^[\w-]{87}$/.test(publicKey)) {
    throw new ConfigError(
      "VAPID_PUBLIC_KEY",
      "must be a base64url P-256 public key (87 characters)",
    );
  }
  if (!/^[\w-]{43}$/.test(privateKey)) {
    throw new ConfigError(
      "VAPID_PRIVATE_KEY",
      "must be a base64url P-256 private key (43 characters)",
    );
  }
  return { publicKey, privateKey };
}

function parseSmtpUrl(value: string | undefined): SmtpConfig | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const example = "e.g. smtp://user:password@mail.example:587";
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError("SMTP_URL", `is not a URL (${example})`);
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new ConfigError(
      "SMTP_URL",
      `must start with smtp:// (STARTTLS) or smtps:// (TLS), ${example}`,
    );
  }
  if (!url.hostname) {
    throw new ConfigError("SMTP_URL", `names no host (${example})`);
  }
  const implicitTls = url.protocol === "smtps:";
  const insecure = url.searchParams.get("tls_insecure");
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : implicitTls ? 465 : 587,
    implicitTls,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tlsInsecure: insecure === "1" || insecure === "true",
  };
}

function parseMailFrom(value: string | undefined, hostname: string): string {
  if (value === undefined || value.trim() === "") {
    return `Starling <notifications@${hostname}>`;
  }
  const from = value.trim();
  if (!/^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(from)) {
    throw new ConfigError(
      "SMTP_FROM",
      `"${from}" is not an address (e.g. Starling <notifications@social.example>)`,
    );
  }
  return from;
}

function parseMediaConfig(env: Env): MediaConfig {
  const storage = parseEnum(
    env.MEDIA_STORAGE,
    "MEDIA_STORAGE",
    ["local", "s3"] as const,
    "local",
  );
  if (storage === "local") return { storage };
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) {
      throw new ConfigError(name, "is required when MEDIA_STORAGE=s3");
    }
    return value;
  };
  const httpUrl = (name: string): string => {
    const value = required(name);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(name, `"${value}" is not a URL`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new ConfigError(
        name,
        `"${value}" must start with http:// or https://`,
      );
    }
    return value.replace(/\/+$/, "");
  };
  const endpoint = httpUrl("S3_ENDPOINT");
  const bucket = required("S3_BUCKET");
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(
      "S3_BUCKET",
      `"${bucket}" is not a valid bucket name`,
    );
  }
  return {
    storage,
    s3: {
      endpoint,
      bucket,
      region: env.S3_REGION?.trim() || "us-east-1",
      accessKeyId: required("S3_ACCESS_KEY_ID"),
      secretAccessKey: required("S3_SECRET_ACCESS_KEY"),
      publicUrl: env.S3_PUBLIC_URL?.trim()
        ? httpUrl("S3_PUBLIC_URL")
        : `${endpoint}/${bucket}`,
    },
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 8000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError("PORT", `"${value}" is not a port number (0–65535)`);
  }
  return port;
}

function parseOrigin(value: string | undefined, port: number): string {
  if (value === undefined || value.trim() === "") {
    return `http://localhost:${port}`;
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(
      "ORIGIN",
      `"${value}" is not a URL (expected e.g. https://social.example)`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(
      "ORIGIN",
      `"${value}" must start with http:// or https://`,
    );
  }
  if (url.pathname !== "/" || url.search || url.hash) {
    throw new ConfigError(
      "ORIGIN",
      `"${value}" must be an origin only, without a path`,
    );
  }
  return url.origin;
}

function parseDatabaseUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
      throw new Error();
    }
  } catch {
    throw new ConfigError(
      "DATABASE_URL",
      "must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/starling",
    );
  }
  return value.trim();
}

function parseBoolean(
  value: string | undefined,
  name: string,
  fallback: boolean,
): boolean {
  if (value === undefined || value.trim() === "") return fallback;
  const v = value.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off"].includes(v)) return false;
  throw new ConfigError(name, `"${value}" is not true or false`);
}

function parseEnum<T extends string>(
  value: string | undefined,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value.trim() === "") return fallback;
  const v = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new ConfigError(name, `"${value}" is not one of ${allowed.join(", ")}`);
}

function parseScale(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 1;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new ConfigError(
      "DELIVERY_RETRY_SCALE",
      `"${value}" is not a number above 0 and at most 1`,
    );
  }
  return scale;
}

function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}
