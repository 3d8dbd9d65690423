import { page } from "fresh";
import { define } from "../utils.ts";
import { PageHead } from "../components/PageHead.tsx";
import { formatDateTime } from "../components/format.ts";
import { messages } from "../lib/web/pages.ts";
import {
  instanceSettings,
  privacyPolicyOf,
  type RenderedText,
} from "../lib/instance/mod.ts";

/** /privacy-policy — the admins' privacy policy (or the built-in one), as the API gives it. */
/** `builtIn`: no admin has written one; the reader gets the built-in one in their language. */
export const handler = define.handlers<
  RenderedText & { title: string; builtIn: boolean; host: string }
>({
  async GET(ctx) {
    const { deps } = ctx.state;
    const settings = await instanceSettings(deps);
    return page({
      title: settings.title,
      ...privacyPolicyOf(settings, deps.config),
      builtIn: !settings.privacyPolicy,
      host: deps.config.host,
    });
  },
});

export default define.page<typeof handler>(
  function PrivacyPolicy({ data, state }) {
    const t = messages({ state }).about;
    return (
      <section class="card about">
        <PageHead title={t.privacyPolicy} />
        <h1>{t.privacyPolicyOf(data.title)}</h1>
        <p>
          {t.lastUpdated(
            formatDateTime(data.updatedAt.toISOString(), state.locale ?? "en"),
          )}
        </p>
        {data.builtIn
          ? (
            <div class="about-text">
              <p>{t.defaultPrivacyPolicy(data.host)}</p>
            </div>
          )
          : (
            <div
              class="about-text"
              dangerouslySetInnerHTML={{ __html: data.content }}
            />
          )}
      </section>
    );
  },
);
