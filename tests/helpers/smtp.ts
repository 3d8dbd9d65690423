/**
 * A real SMTP server in the test process (`smtp-server`, on loopback, with STARTTLS and a
 * login), keeping every mail it accepts parsed by `mailparser`. `smtpUrl` is what Starling's
 * `SMTP_URL` is set to; `refuseNext` makes it answer the next mails with a temporary 451.
 */
import { SMTPServer } from "smtp-server";
import { type ParsedMail, simpleParser } from "mailparser";
import { startTestInstance, type TestInstance } from "./app.ts";

export const SMTP_USER = "starling";
export const SMTP_PASSWORD = "mail secret";

export interface TestMailbox {
  /** `smtp(s)://starling:…@127.0.0.1:PORT?tls_insecure=1` (its certificate is self-signed). */
  smtpUrl: string;
  received: ParsedMail[];
  /** How many delivery attempts were refused so far. */
  refused: number;
  /** Waits for a mail to `to` (and whose subject matches), received now or later. */
  waitFor(to: string, subject?: RegExp): Promise<ParsedMail>;
  /** Answers the next `count` mails with `code` (451 "try again later" by default). */
  refuseNext(count: number, code?: number): void;
  close(): Promise<void>;
}

/**
 * With `implicitTls`, the server speaks TLS from the first byte (`smtps://`) instead of
 * offering STARTTLS; either way with smtp-server's own self-signed certificate.
 */
export async function startMailbox(
  options: { implicitTls?: boolean } = {},
): Promise<TestMailbox> {
  const received: ParsedMail[] = [];
  const waiters: (() => boolean)[] = [];
  let refuse = 0;
  let refuseCode = 451;
  const box: TestMailbox = {
    smtpUrl: "",
    received,
    refused: 0,
    waitFor: (to, subject) =>
      new Promise((resolve) => {
        const check = () => {
          const found = received.find((mail) =>
            addressesOf(mail).includes(to.toLowerCase()) &&
            (!subject || subject.test(mail.subject ?? ""))
          );
          if (!found) return false;
          received.splice(received.indexOf(found), 1);
          resolve(found);
          return true;
        };
        if (!check()) waiters.push(check);
      }),
    refuseNext(count, code = 451) {
      refuse = count;
      refuseCode = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    secure: options.implicitTls ?? false,
    authMethods: ["PLAIN", "LOGIN"],
    // The login only over TLS (after STARTTLS), as a real submission server.
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error("Invalid username or password"));
      }
    },
    onData(stream, _session, callback) {
      const chunks: Uint8Array[] = [];
      stream.on("data", (chunk: Uint8Array) => chunks.push(chunk));
      stream.on("end", async () => {
        if (refuse > 0) {
          refuse--;
          box.refused++;
          const error = new Error(
            refuseCode < 500 ? "Try again later" : "No such mailbox",
          ) as Error & { responseCode: number };
          error.responseCode = refuseCode;
          return callback(error);
        }
        received.push(await simpleParser(Buffer.concat(chunks)));
        callback();
        for (const waiter of waiters.splice(0)) {
          if (!waiter()) waiters.push(waiter);
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  box.smtpUrl = `${options.implicitTls ? "smtps" : "smtp"}://${SMTP_USER}:${
    encodeURIComponent(SMTP_PASSWORD)
  }@127.0.0.1:${port}?tls_insecure=1`;
  return box;
}

function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}

/** The first link in a mail's plain-text part that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}\\S*`).exec(mail.text ?? "");
  if (!match) {
    throw new Error(`no link starting ${prefix} in:\n${mail.text}`);
  }
  return match[0];
}

/** Runs `fn` with a mailbox and a Starling instance sending to it; closes both after. */
export async function withMailInstance(
  fn: (instance: TestInstance, mailbox: TestMailbox) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const mailbox = await startMailbox();
  try {
    const instance = await startTestInstance({
      env: { SMTP_URL: mailbox.smtpUrl, ...env },
    });
    try {
      await fn(instance, mailbox);
    } finally {
      await instance.close();
    }
  } finally {
    await mailbox.close();
  }
}

/**
 * Waits until no domain event nor `mail.send` job is left to run (events mail through their
 * listeners), so a test can say that no mail came.
 */
export async function mailQueueSettled(instance: TestInstance): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [{ n }] = await instance.deps.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM jobs
      WHERE kind IN ('mail.send', 'domain.event') AND parked_at IS NULL`;
    if (n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("mail jobs still waiting after 20 s");
}
