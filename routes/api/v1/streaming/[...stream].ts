/** /api/v1/streaming/<stream> — server-sent events (`user`, `public/local`, `hashtag?tag=`…). */
import { define } from "../../../../utils.ts";
import {
  isWebSocketUpgrade,
  openEventStream,
  openWebSocket,
  streamFromPath,
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
      streamFromPath(ctx.params.stream),
    );
  },
});
