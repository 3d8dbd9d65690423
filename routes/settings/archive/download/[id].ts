import { define } from "../../../../utils.ts";
import { openArchiveDownload } from "../../../../lib/archive/mod.ts";
import { DomainError } from "../../../../lib/domain/errors.ts";
import { signInFirst } from "../../../../lib/web/pages.ts";

/** GET /settings/archive/download/:id — the owner's archive, streamed from storage. */
export const handler = define.handlers({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    try {
      const file = await openArchiveDownload(
        ctx.state.deps,
        session.account.id,
        ctx.params.id,
      );
      return new Response(file.body, {
        headers: {
          "content-type": "application/zip",
          "content-length": String(file.size),
          "content-disposition":
            `attachment; filename="${session.account.username}-archive.zip"`,
          "cache-control": "private, no-store",
        },
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return new Response("Not found", { status: 404 });
    }
  },
});
