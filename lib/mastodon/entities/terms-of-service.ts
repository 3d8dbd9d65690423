/** Mastodon 4.4's TermsOfService entity. */
import { renderInstanceText, type TermsVersion } from "../../instance/mod.ts";

export function termsOfServiceJson(version: TermsVersion, origin: string) {
  return {
    effective_date: version.effective_date,
    effective: version.effective,
    content: renderInstanceText(version.text, origin),
    succeeded_by: version.succeeded_by,
  };
}
