import { HttpError } from "fresh";
import { define } from "../../../utils.ts";
import { signInFirst } from "../../../lib/web/pages.ts";
import { exportCsv, isExportFile } from "../../../lib/imports/mod.ts";

/** `/settings/export/following_accounts.csv` (and the other files): the CSV, streamed. */
export const handler = define.handlers({
  GET(ctx) {
    const { session, deps } = ctx.state;
    if (!session) return signInFirst(ctx);
    const name = ctx.params.file;
    if (!isExportFile(name)) throw new HttpError(404);
    return new Response(exportCsv(deps, session.account.id, name), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "private, no-store",
      },
    });
  },
});
