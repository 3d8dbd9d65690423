/** POST /api/v1/admin/reports/:id/unassign — take the report off whoever had it (`manage_reports`). */
import { define } from "../../../../../../utils.ts";
import { reportStepRoute } from "../../../../../../lib/mastodon/admin-api.ts";
import { unassign } from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({ POST: reportStepRoute(unassign) });
