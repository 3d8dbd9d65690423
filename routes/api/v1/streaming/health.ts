/** GET /api/v1/streaming/health — `OK` while the streaming API is up. */
import { define } from "../../../../utils.ts";

export const handler = define.handlers({
  GET() {
    return new Response("OK", { headers: { "content-type": "text/plain" } });
  },
});
