/** Unknown API paths answer as Mastodon does: JSON 404, so apps fall back (v2 → v1) cleanly. */
import { define } from "../../utils.ts";
import { notFoundError } from "../../lib/mastodon/errors.ts";

const notFound = () => {
  throw notFoundError();
};

export const handler = define.handlers({
  GET: notFound,
  POST: notFound,
  PUT: notFound,
  PATCH: notFound,
  DELETE: notFound,
});
