import { HttpError, page } from "fresh";
import { define } from "../../utils.ts";
import { TermsPage, type TermsPageData } from "../../components/TermsPage.tsx";
import { messages } from "../../lib/web/pages.ts";
import {
  instanceSettings,
  renderInstanceText,
  termsOfDate,
} from "../../lib/instance/mod.ts";

/** /terms-of-service/:date — the version that took (or takes) effect on that date. */
export const handler = define.handlers<TermsPageData>({
  async GET(ctx) {
    const { deps } = ctx.state;
    const [settings, terms] = await Promise.all([
      instanceSettings(deps),
      termsOfDate(deps.sql, ctx.params.date),
    ]);
    if (!terms) {
      throw new HttpError(404, messages(ctx).about.noTermsOfDate);
    }
    return page({
      title: settings.title,
      version: {
        ...terms,
        html: renderInstanceText(terms.text, deps.config.origin),
      },
    });
  },
});

export default define.page<typeof handler>(({ data, state }) => (
  <TermsPage data={data} labels={messages({ state }).about} />
));
