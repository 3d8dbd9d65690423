/** A version of the terms of service (/terms-of-service and /terms-of-service/:date). */
import { PageHead } from "./PageHead.tsx";

export interface TermsPageData {
  title: string;
  version: {
    effective_date: string;
    effective: boolean;
    succeeded_by: string | null;
    html: string;
  } | null;
}

export function TermsPage({ data }: { data: TermsPageData }) {
  const { version } = data;
  return (
    <section class="card about">
      <PageHead title="Terms of service" />
      <h1>Terms of service of {data.title}</h1>
      {!version
        ? <p class="empty">This server has not published terms of service.</p>
        : (
          <>
            <p>
              {version.effective ? "In force since" : "Effective from"}{" "}
              {version.effective_date}
              {version.succeeded_by && (
                <>
                  {" · replaced on "}
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
