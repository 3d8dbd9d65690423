/**
 * GET /api/oembed?url= — oEmbed for one of this server's public posts (by its `/@user/:id` or
 * `/users/:user/statuses/:id` address); 404 for any other address or a post not public.
 */
import { define } from "../../utils.ts";
import { json, notFoundError } from "../../lib/mastodon/errors.ts";
import { Params } from "../../lib/mastodon/params.ts";
import { getVisibleStatus } from "../../lib/domain/statuses.ts";
import { findAccountById } from "../../lib/db/accounts.ts";
import { oembedJson } from "../../lib/mastodon/entities/oembed.ts";

const LOCAL_STATUS_PATH = /^\/(?:@[^/]+|users\/[^/]+\/statuses)\/(\d{1,19})$/;

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const params = await Params.from(ctx.req, ctx.url);
    let address: URL;
    try {
      address = new URL(params.string("url") ?? "");
    } catch {
      throw notFoundError();
    }
    const id = address.origin === deps.config.origin
      ? LOCAL_STATUS_PATH.exec(address.pathname)?.[1]
      : undefined;
    if (!id) throw notFoundError();
    const status = await getVisibleStatus(deps, null, id);
    if (status.reblog_of_id) throw notFoundError();
    const author = await findAccountById(deps.sql, status.account_id);
    if (!author) throw notFoundError();
    const size = (name: string) => {
      const value = Number(params.string(name));
      return Number.isInteger(value) && value > 0 ? value : null;
    };
    return json(oembedJson(
      deps.config.origin,
      author,
      status.url ?? `${deps.config.origin}/@${author.username}/${status.id}`,
      size("maxwidth"),
      size("maxheight"),
    ));
  },
});
