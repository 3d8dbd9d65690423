/**
 * E-mail: the transport (`SMTP_URL`, or the server log), the `mail.send` job every mail goes
 * through, what a mail says (content.ts; its words are lib/i18n's `mail` section, in the
 * recipient's language), and the flows that mail — address confirmation, password reset,
 * address change, new sign-in alerts, moderation warnings and notification e-mails. Everything
 * outside lib/mail imports from here.
 */
import type { Deps } from "../deps.ts";
import type { DomainEvent } from "../domain/effects.ts";
import { mailConfirmationIfPending } from "./addresses.ts";
import { mailNotification } from "./notification-mail.ts";

export {
  createMailTransport,
  type MailTransport,
  type OutgoingMail,
} from "./transport.ts";
export { MAIL_SEND_JOB, type MailDeps, mailSendJob } from "./job.ts";
export {
  ALREADY_CONFIRMED,
  confirmAddress,
  confirmByToken,
  type ConfirmedWhat,
  requestEmailChange,
  resendConfirmation,
} from "./addresses.ts";
export {
  requestPasswordReset,
  RESET_LINK_BROKEN,
  RESET_REQUESTED,
  resetPassword,
  resetTokenWorks,
} from "./password-reset.ts";
export { mailWarning, noteSignIn } from "./alerts.ts";
export {
  checkUnsubscribeLink,
  mailAppealToStaff,
  NOTIFICATION_EMAIL_TYPES,
  notificationEmailChoices,
  saveNotificationEmailChoices,
  STAFF_EMAIL_TYPES,
  unsubscribe,
} from "./notification-mail.ts";
export type {
  MailChoice,
  MailedNotificationType,
  StaffMailType,
} from "./content.ts";

/**
 * The domain events that mail: a sign-up that must confirm its address gets its link; a
 * notification of a type the user chose is mailed. Wired in lib/server.ts; runs in the event
 * job, so a failure is retried (a repeat of the sign-up finds its live link and mails nothing).
 */
export function mailEventListener(
  deps: Pick<Deps, "sql" | "jobs" | "config" | "secret">,
): (event: DomainEvent) => Promise<void> {
  return async (event) => {
    if (event.type === "account.created") {
      await mailConfirmationIfPending(deps, event.accountId);
    } else if (event.type === "notification.created") {
      await mailNotification(deps, event);
    }
  };
}
