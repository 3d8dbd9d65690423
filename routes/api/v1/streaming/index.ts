/**
 * /api/v1/streaming — the WebSocket endpoint (subscribe/unsubscribe messages or `?stream=`);
 * without an upgrade, server-sent events for `?stream=`.
 */
import { define } from "../../../../utils.ts";
import {
  isWebSocketUpgrade,
  openEventStream,
  openWebSocket,
} from "../../../../lib/mastodon/streaming-http.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    if (isWebSocketUpgrade(ctx.req)) {
      return await openWebSocket(deps, ctx.req, ctx.url);
    }
    return await openEventStream(
      deps,
      ctx.req,
      ctx.url,
      ctx.url.searchParams.get("stream") ?? "",
    );
  },
});
