/** The List entity. */
import type { ListRow } from "../../db/lists.ts";

export function listJson(list: ListRow) {
  return {
    id: list.id,
    title: list.title,
    replies_policy: list.replies_policy,
    exclusive: list.exclusive,
  };
}
