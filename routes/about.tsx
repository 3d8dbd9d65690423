import { page } from "fresh";
import { define } from "../utils.ts";
import { PageHead } from "../components/PageHead.tsx";
import { messages } from "../lib/web/pages.ts";
import { instanceOverview } from "../lib/domain/instance.ts";
import {
  DEFAULT_SHORT_DESCRIPTION,
  extendedDescriptionOf,
  type RuleRow,
  showsModeratedServers,
} from "../lib/instance/mod.ts";
import { publicDomainBlocks } from "../lib/moderation/mod.ts";
import {
  type PublicDomainBlock,
  renderPublicDomainBlock,
} from "../lib/mastodon/entities/admin-domain-block.ts";

interface Data {
  title: string;
  /** Null while it is the built-in one, which the reader gets in their language. */
  description: string | null;
  aboutHtml: string;
  thumbnailUrl: string | null;
  rules: RuleRow[];
  contact: { username: string } | null;
  contactEmail: string | null;
  /** Null when the admins don't show them to this visitor. */
  moderated: PublicDomainBlock[] | null;
}

/** /about — the server as its admins describe it: name, texts, rules, contact, moderation. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, session } = ctx.state;
    const overview = await instanceOverview(deps);
    const { settings } = overview;
    return page({
      title: settings.title,
      description: settings.shortDescription === DEFAULT_SHORT_DESCRIPTION
        ? null
        : settings.shortDescription,
      aboutHtml: extendedDescriptionOf(settings, deps.config.origin).content,
      thumbnailUrl: settings.thumbnailUrl,
      rules: overview.rules,
      contact: overview.contact
        ? { username: overview.contact.username }
        : null,
      contactEmail: settings.contactEmail,
      moderated: showsModeratedServers(settings, !!session)
        ? await Promise.all(
          (await publicDomainBlocks(deps.sql)).map(renderPublicDomainBlock),
        )
        : null,
    });
  },
});

export default define.page<typeof handler>(function About({ data, state }) {
  const t = messages({ state }).about;
  return (
    <section class="card about">
      <PageHead title={t.aboutTitle(data.title)} />
      {data.thumbnailUrl && (
        <img class="about-thumbnail" src={data.thumbnailUrl} alt="" />
      )}
      <h1>{data.title}</h1>
      <p class="lead">{data.description ?? t.defaultShortDescription}</p>
      {data.aboutHtml && (
        <div
          class="about-text"
          dangerouslySetInnerHTML={{ __html: data.aboutHtml }}
        />
      )}
      {(data.contact || data.contactEmail) && (
        <>
          <h2>{t.contact}</h2>
          <p>
            {data.contact && (
              <a href={`/@${data.contact.username}`}>
                @{data.contact.username}
              </a>
            )}
            {data.contact && data.contactEmail && " · "}
            {data.contactEmail && (
              <a href={`mailto:${data.contactEmail}`}>{data.contactEmail}</a>
            )}
          </p>
        </>
      )}
      <h2>{t.rules}</h2>
      {data.rules.length === 0
        ? <p class="empty">{t.noRules}</p>
        : (
          <ol class="rules">
            {data.rules.map((rule) => (
              <li>
                <strong>{rule.text}</strong>
                {rule.hint && <p>{rule.hint}</p>}
              </li>
            ))}
          </ol>
        )}
      {data.moderated && (
        <>
          <h2>{t.moderatedServers}</h2>
          {data.moderated.length === 0
            ? <p class="empty">{t.noModeratedServers}</p>
            : (
              <table class="admin-table">
                <thead>
                  <tr>
                    <th>{t.server}</th>
                    <th>{t.severity}</th>
                    <th>{t.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.moderated.map((block) => (
                    <tr>
                      <td>{block.domain}</td>
                      <td>{t.severities[block.severity]}</td>
                      <td>{block.comment ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
        </>
      )}
      <p>
        <a href="/privacy-policy">{t.privacyPolicy}</a>
        {" · "}
        <a href="/terms-of-service">{t.termsOfService}</a>
      </p>
    </section>
  );
});
