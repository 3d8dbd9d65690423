/** The steps shared by the report pages (a post, `/@bob/1/report`, or an account, `/@bob/report`). */
import { page } from "fresh";
import type { AccountRow } from "../db/accounts.ts";
import { fileReport, reportableRules } from "../domain/reports.ts";
import { DomainError } from "../domain/errors.ts";
import { field } from "./forms.ts";
import { signedInForm } from "./actions.ts";
import type { PageContext } from "./pages.ts";
import type { ReportFormData } from "../../components/ReportForm.tsx";

export async function reportFormData(
  ctx: PageContext,
  target: AccountRow,
  errors: string[] = [],
): Promise<ReportFormData> {
  const rules = await reportableRules(ctx.state.deps.sql);
  return { remoteDomain: target.domain, rules, errors };
}

/**
 * Files the posted report about `target` (and `statusIds`); on a refusal, renders the page
 * again with `render(errors)`'s data; else back here with `?sent=1`.
 */
export async function postReport<T>(
  ctx: PageContext,
  target: AccountRow,
  statusIds: string[],
  render: (errors: string[]) => Promise<T>,
) {
  const { session, form } = await signedInForm(ctx);
  try {
    await fileReport(ctx.state.deps, session.account, {
      targetAccountId: target.id,
      statusIds,
      comment: field(form, "comment"),
      category: field(form, "category") || "other",
      ruleIds: form.getAll("rule_ids").filter((v): v is string =>
        typeof v === "string"
      ),
      forward: field(form, "forward") === "on",
    });
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== "validation") {
      throw error;
    }
    return page(await render([error.message]), { status: 422 });
  }
  return ctx.redirect(`${ctx.url.pathname}?sent=1`, 303);
}
