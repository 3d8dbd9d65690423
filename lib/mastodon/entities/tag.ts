/** The Tag entity (no usage history is kept yet: `history` is empty). */
import type { TagRow } from "../../db/search.ts";

export function tagEntityJson(
  tag: TagRow,
  origin: string,
  following?: boolean,
) {
  return {
    id: tag.id,
    name: tag.display_name || tag.name,
    url: `${origin}/tags/${encodeURIComponent(tag.name)}`,
    history: [],
    ...(following === undefined ? {} : { following }),
  };
}
