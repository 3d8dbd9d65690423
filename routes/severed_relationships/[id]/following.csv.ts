/** /severed_relationships/:id/following.csv — the follows the user lost in one event. */
import { define } from "../../../utils.ts";
import { severedListCsv } from "../../../lib/web/severed-relationships.ts";

export const handler = define.handlers({ GET: severedListCsv("following") });
