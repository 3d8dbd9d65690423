/** A version of the terms of service (/terms-of-service and /terms-of-service/:date). */
import { PageHead } from "./PageHead.tsx";
import type { AboutMessages } from "../lib/i18n/en/about.ts";

export interface TermsPageData {
  title: string;
  version: {
    effective_date: string;
    effective: boolean;
    succeeded_by: string | null;
    html: string;
  } | null;
}

export function TermsPage(
  { data, labels: t }: { data: TermsPageData; labels: AboutMessages },
) {
  const { version } = data;
  return (
    <section class="card about">
      <PageHead title={t.termsOfService} />
      <h1>{t.termsOfServiceOf(data.title)}</h1>
      {!version ? <p class="empty">{t.noTerms}</p> : (
        <>
          <p>
            {version.effective
              ? t.inForceSince(version.effective_date)
              : t.effectiveFrom(version.effective_date)}
            {version.succeeded_by && (
              <>
                {` · ${t.replacedOn} `}
                <a href={`/terms-of-service/${version.succeeded_by}`}>
                  {version.succeeded_by}
                </a>
              </>
            )}
          </p>
          <div
            class="about-text"
            dangerouslySetInnerHTML={{ __html: version.html }}
          />
        </>
      )}
    </section>
  );
}
