/** POST /api/v1/admin/reports/:id/reopen — open a resolved report again (`manage_reports`). */
import { define } from "../../../../../../utils.ts";
import { reportStepRoute } from "../../../../../../lib/mastodon/admin-api.ts";
import { reopen } from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({ POST: reportStepRoute(reopen) });
