/** The v2 notification parameters shared by the list and the unread count. */
import type { GroupFilter } from "../domain/notification-groups.ts";
import type { Params } from "./params.ts";

export function groupFilterFrom(params: Params): GroupFilter {
  return {
    types: params.array("types"),
    excludeTypes: params.array("exclude_types"),
    accountId: params.string("account_id"),
    groupedTypes: params.array("grouped_types"),
    includeFiltered: params.boolean("include_filtered") ?? false,
  };
}
