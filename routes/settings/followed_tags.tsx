import { page } from "fresh";
import { define } from "../../utils.ts";
import { followedTags } from "../../lib/domain/profiles.ts";
import { unfollowTag } from "../../lib/domain/search.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import {
  messages,
  newerLink,
  olderLink,
  signInFirst,
  webPage,
} from "../../lib/web/pages.ts";
import { PostButton } from "../../components/PostButton.tsx";
import { Pagination } from "../../components/Timeline.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";

const HERE = "/settings/followed_tags";

interface Data {
  tags: { name: string; displayName: string }[];
  older: string | null;
  newer: string | null;
}

/** `/settings/followed_tags`: hashtags whose posts come to the viewer's home, with unfollow. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const query = webPage(ctx.url);
    const rows = await followedTags(
      ctx.state.deps.sql,
      session.account.id,
      query,
    );
    return page({
      tags: rows.map((r) => ({
        name: r.name,
        displayName: r.display_name || r.name,
      })),
      older: olderLink(
        ctx.url,
        rows.map((r) => ({ id: r.page_id })),
        query.limit,
      ),
      newer: newerLink(ctx.url),
    });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    await unfollowTag(
      ctx.state.deps.sql,
      session.account.id,
      field(form, "tag"),
    );
    return ctx.redirect(HERE, 303);
  },
});

export default define.page<typeof handler>(function FollowedTags(
  { data, state },
) {
  const { settings } = messages({ state });
  const t = settings.followedTags;
  return (
    <>
      <PageHead title={t.title} />
      <h1>{settings.heading}</h1>
      <SettingsNav current={HERE} labels={settings.nav} />
      <section class="card" aria-labelledby="tags-title">
        <h2 id="tags-title">{t.title}</h2>
        <ul class="plain-list">
          {data.tags.map((tag) => (
            <li key={tag.name} class="plain-row">
              <a href={`/tags/${encodeURIComponent(tag.name)}`}>
                #{tag.displayName}
              </a>
              <PostButton
                action={HERE}
                csrf={state.csrfToken}
                returnTo={HERE}
                fields={{ tag: tag.name }}
              >
                {t.unfollow}
                <span class="visually-hidden">#{tag.displayName}</span>
              </PostButton>
            </li>
          ))}
        </ul>
        {data.tags.length === 0 && <p class="empty">{t.empty}</p>}
      </section>
      <Pagination older={data.older} newer={data.newer} />
    </>
  );
});
