import { page } from "fresh";
import { define } from "../utils.ts";
import { PageHead } from "../components/PageHead.tsx";
import { formatDateTime } from "../components/format.ts";
import {
  instanceSettings,
  privacyPolicyOf,
  type RenderedText,
} from "../lib/instance/mod.ts";

/** /privacy-policy — the admins' privacy policy (or the built-in one), as the API gives it. */
export const handler = define.handlers<RenderedText & { title: string }>({
  async GET(ctx) {
    const { deps } = ctx.state;
    const settings = await instanceSettings(deps);
    return page({
      title: settings.title,
      ...privacyPolicyOf(settings, deps.config),
    });
  },
});

export default define.page<typeof handler>(function PrivacyPolicy({ data }) {
  return (
    <section class="card about">
      <PageHead title="Privacy policy" />
      <h1>Privacy policy of {data.title}</h1>
      <p>Last updated {formatDateTime(data.updatedAt.toISOString())}</p>
      <div
        class="about-text"
        dangerouslySetInnerHTML={{ __html: data.content }}
      />
    </section>
  );
});
