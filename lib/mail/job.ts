/**
 * The `mail.send` job: one rendered mail, written in the transaction of the change it tells
 * about and sent once that committed. A request never waits on SMTP; a server that is down or
 * answers 4xx is retried with backoff (about 14 hours in all), a 5xx parks the job for the
 * operator (`deno task admin jobs list --parked`).
 */
import type { Queryable } from "../db/client.ts";
import type { Deps } from "../deps.ts";
import {
  defineJob,
  exponentialBackoff,
  PayloadError,
  schema,
} from "../jobs/mod.ts";
import { isPermanentMailError, type OutgoingMail } from "./transport.ts";

export const MAIL_SEND_JOB = "mail.send";

const headerMap: schema.Schema<Record<string, string>> = (
  value,
  path = "payload",
) => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PayloadError(`${path}: not an object`);
  }
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== "string") {
      throw new PayloadError(`${path}.${name}: not a string`);
    }
  }
  return value as Record<string, string>;
};

const parseMail = schema.object<OutgoingMail & Record<string, unknown>>({
  to: schema.string,
  subject: schema.string,
  text: schema.string,
  html: schema.string,
  headers: schema.optional(headerMap),
});

export const mailSendJob = defineJob<OutgoingMail, Deps>({
  kind: MAIL_SEND_JOB,
  parse: parseMail,
  retry: {
    backoff: exponentialBackoff(3_000, 60 * 60_000),
    maxAttempts: 24,
    isPermanent: isPermanentMailError,
  },
  handler: (deps, mail) => deps.mailer.send(mail),
});

/** What enqueuing a mail needs from `Deps`. */
export interface MailDeps {
  jobs: Pick<Deps["jobs"], "enqueue">;
  config: Pick<Deps["config"], "origin" | "host">;
}

/** Writes `mail` as a `mail.send` job in `tx`, the transaction of the change it tells about. */
export async function enqueueMail(
  deps: Pick<MailDeps, "jobs">,
  tx: Queryable,
  mail: OutgoingMail,
): Promise<void> {
  await deps.jobs.enqueue(tx, MAIL_SEND_JOB, mail);
}
