/** POST /api/v1/admin/reports/:id/resolve — mark the report resolved (`manage_reports`). */
import { define } from "../../../../../../utils.ts";
import { reportStepRoute } from "../../../../../../lib/mastodon/admin-api.ts";
import { resolve } from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({ POST: reportStepRoute(resolve) });
