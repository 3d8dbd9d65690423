/** /api/v1/push/subscription — Web Push is not offered yet; answer as Mastodon does with none. */
import { define } from "../../../../utils.ts";
import { ApiError } from "../../../../lib/mastodon/errors.ts";

const none = () => {
  throw new ApiError(404, "Record not found");
};

export const handler = define.handlers({
  GET: none,
  PUT: none,
  DELETE: none,
  POST: none,
});
