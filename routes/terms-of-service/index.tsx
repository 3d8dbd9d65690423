import { page } from "fresh";
import { define } from "../../utils.ts";
import { TermsPage, type TermsPageData } from "../../components/TermsPage.tsx";
import { messages } from "../../lib/web/pages.ts";
import {
  currentTerms,
  instanceSettings,
  renderInstanceText,
} from "../../lib/instance/mod.ts";

/** /terms-of-service — the terms in force (a page saying so when there are none). */
export const handler = define.handlers<TermsPageData>({
  async GET(ctx) {
    const { deps } = ctx.state;
    const [settings, terms] = await Promise.all([
      instanceSettings(deps),
      currentTerms(deps.sql),
    ]);
    return page({
      title: settings.title,
      version: terms && {
        ...terms,
        html: renderInstanceText(terms.text, deps.config.origin),
      },
    });
  },
});

export default define.page<typeof handler>(({ data, state }) => (
  <TermsPage data={data} labels={messages({ state }).about} />
));
