/** GET /api/v1/instance/translation_languages — translation is not offered. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";

export const handler = define.handlers({
  GET() {
    return json({});
  },
});
