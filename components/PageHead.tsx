import { Head } from "fresh/runtime";
import { fullTitle, type PageHeadData, SITE_NAME } from "../lib/web/head.ts";

/**
 * Every page's `<title>` (replacing `_app`'s default), and for shared pages the canonical and
 * ActivityPub links and the link preview (Open Graph, Twitter card). Everything goes through
 * JSX, so names and post text are escaped.
 */
export function PageHead(props: PageHeadData) {
  const { preview, canonical, activityPub } = props;
  const title = fullTitle(props.title);
  return (
    <Head>
      <title>{title}</title>
      {canonical && <link rel="canonical" href={canonical} />}
      {activityPub && (
        <link
          rel="alternate"
          type="application/activity+json"
          href={activityPub}
        />
      )}
      {preview && (
        <>
          {preview.description && (
            <meta name="description" content={preview.description} />
          )}
          <meta property="og:site_name" content={SITE_NAME} />
          <meta property="og:type" content={preview.type} />
          <meta property="og:title" content={preview.title} />
          {preview.description && (
            <meta property="og:description" content={preview.description} />
          )}
          {canonical && <meta property="og:url" content={canonical} />}
          {preview.image && (
            <meta property="og:image" content={preview.image.url} />
          )}
          {preview.image?.alt && (
            <meta property="og:image:alt" content={preview.image.alt} />
          )}
          <meta
            name="twitter:card"
            content={preview.image?.large ? "summary_large_image" : "summary"}
          />
        </>
      )}
    </Head>
  );
}
