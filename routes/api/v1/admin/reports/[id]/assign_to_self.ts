/** POST /api/v1/admin/reports/:id/assign_to_self — assign the report to the caller (`manage_reports`). */
import { define } from "../../../../../../utils.ts";
import { reportStepRoute } from "../../../../../../lib/mastodon/admin-api.ts";
import { assignToSelf } from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({ POST: reportStepRoute(assignToSelf) });
