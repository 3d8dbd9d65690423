/**
 * Where a finished mail goes: an SMTP server (`SMTP_URL`, through nodemailer), or, when none is
 * configured (the embedded default), the server log — so a mail is never silently dropped and
 * a local instance's confirmation and reset links can be read off the console.
 */
// @ts-types="@types/nodemailer"
import type { Transporter } from "nodemailer";
import type { MailConfig } from "../config.ts";

/** A rendered mail: what the `mail.send` job carries. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, …). */
  headers?: Record<string, string>;
}

export interface MailTransport {
  /** `smtp` sends; `log` writes mails to the server log. */
  readonly kind: "smtp" | "log";
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailTransport(config: MailConfig): MailTransport {
  const smtp = config.smtp;
  if (!smtp) return logTransport();
  // nodemailer is loaded with the first mail: a process that sends none doesn't carry it.
  let transporter: Promise<Transporter> | null = null;
  const connect = async () => {
    const nodemailer = (await import("nodemailer")).default;
    return nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.implicitTls,
      // A login never crosses the network in clear: with credentials, STARTTLS is required.
      requireTLS: !smtp.implicitTls && smtp.user !== undefined,
      auth: smtp.user !== undefined
        ? { user: smtp.user, pass: smtp.password ?? "" }
        : undefined,
      tls: smtp.tlsInsecure ? { rejectUnauthorized: false } : undefined,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  };
  return {
    kind: "smtp",
    async send(mail) {
      await (await (transporter ??= connect())).sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
    },
    close: () => void transporter?.then((t) => t.close()),
  };
}

function logTransport(): MailTransport {
  return {
    kind: "log",
    send(mail) {
      console.info(
        `mail (not sent: SMTP_URL is not set) to ${mail.to}: ${mail.subject}\n${mail.text}`,
      );
      return Promise.resolve();
    },
    close() {},
  };
}

/**
 * An SMTP answer no retry changes (5xx: unknown mailbox, refused sender): the job is parked at
 * once instead of retried for hours. 4xx (greylisting, a full queue) and network errors retry.
 */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
