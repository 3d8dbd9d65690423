/** GET /api/v1/instance/extended_description — the "about" text (none configured yet). */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";

export const handler = define.handlers({
  GET() {
    return json({ updated_at: new Date(0).toISOString(), content: "" });
  },
});
