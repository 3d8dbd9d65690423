/** Reporting a post or an account (components/ReportForm.tsx, routes/@[username]/…/report.tsx). */
export const report = {
  /** `{acct}` */
  title: "Report @{acct}",
  whatsWrong: "What's wrong?",
  spam: "It's spam",
  spamHint: "Malicious links, fake engagement or repetitive",
  legal: "It's illegal",
  legalHint: "You think it breaks the law where you live",
  violation: "It breaks the server's rules",
  violationHint: "Choose the rules below",
  other: "Something else",
  otherHint: "None of the above",
  whichRules: "Which rules are broken?",
  comment: "Anything else the moderators should know? (optional)",
  forward: (domain: string) => `Also send an anonymous copy to ${domain}`,
  send: "Send report",
  cancel: "Cancel",
  sent: "Thanks, your report was sent",
  sentDetail: "The moderators of this server will look at it.",
  goBack: "Go back",
};

export type ReportMessages = typeof report;
