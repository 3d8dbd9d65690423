/**
 * What a page says about itself in `<head>` (rendered by components/PageHead.tsx): a title that
 * says where you are, and for pages worth sharing — profiles, public posts — the link preview
 * (Open Graph, Twitter card), the canonical URL and the ActivityPub document. Previews are
 * built only from what anyone may see: a followers-only or direct post gives none.
 */
import { htmlToPlainText } from "../text/plain.ts";
import type { UiAccount, UiStatus } from "../../components/mastodon.ts";
import type { ThreadMessages } from "../i18n/en/thread.ts";

/** How a post's page title and preview put it, in the page's language. */
export type StatusHeadLabels = Pick<
  ThreadMessages,
  "headTitle" | "headWarning" | "headPicture" | "headPost"
>;

/**
 * The name after every title and in previews. Starling has no per-instance name setting yet
 * (the API's `title` is the host); when it gets one, it belongs here.
 */
export const SITE_NAME = "Starling";

export interface LinkPreview {
  type: "profile" | "article";
  title: string;
  description: string;
  /** Absolute URL; `large` for a post's own picture (a big card), else a small one. */
  image: { url: string; alt: string | null; large: boolean } | null;
}

export interface PageHeadData {
  /** Where you are, e.g. "Home"; the site name is added after it. */
  title: string;
  /** Absolute URL of this page's one address (no paging query). */
  canonical?: string;
  /** The ActivityPub id of what the page shows, for `rel="alternate"`. */
  activityPub?: string;
  preview?: LinkPreview;
}

/** `Home` → `Home — Starling`. */
export function fullTitle(title: string): string {
  return `${title} — ${SITE_NAME}`;
}

/** `@alice@social.example`, also for local accounts (whose `acct` is just `alice`). */
export function fullHandle(account: Pick<UiAccount, "acct">, host: string) {
  return account.acct.includes("@")
    ? `@${account.acct}`
    : `@${account.acct}@${host}`;
}

/** `Alice (@alice@host)`; the handle alone when there is no display name. */
export function accountLabel(
  account: Pick<UiAccount, "acct" | "display_name">,
  host: string,
): string {
  const name = account.display_name.trim();
  const handle = fullHandle(account, host);
  return name ? `${name} (${handle})` : handle;
}

/** One line of at most `max` characters, cut at a word with "…". */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd() + "…";
}

/**
 * A profile page, or one of its tabs (`tab`: its name, e.g. "Followers", and absolute URL). The
 * preview shows the bio and avatar; the main page's canonical address is the account's own
 * page (on its server, for a remote account).
 */
export function profileHead(
  account: UiAccount & { uri?: string },
  host: string,
  tab?: { name: string; url: string },
): PageHeadData {
  const label = accountLabel(account, host);
  return {
    title: tab ? `${label} · ${tab.name}` : label,
    canonical: tab ? tab.url : account.url,
    activityPub: account.uri || undefined,
    preview: {
      type: "profile",
      title: label,
      description: excerpt(htmlToPlainText(account.note), 300),
      image: { url: account.avatar, alt: null, large: false },
    },
  };
}

/**
 * A post's page: `@alice: "first words…"` (`@bob@remote.example` for a remote author). A content warning stands in for the text it hides,
 * and sensitive pictures are not shown in previews. Followers-only and direct posts (seen only
 * by their audience, 404 to everyone else) get a title and nothing a crawler could pass on.
 */
export function statusHead(
  status: UiStatus,
  host: string,
  labels: StatusHeadLabels,
): PageHeadData {
  const handle = `@${status.account.acct}`;
  const text = status.spoiler_text.trim()
    ? labels.headWarning(status.spoiler_text.trim())
    : htmlToPlainText(status.content);
  const picture = status.media_attachments.find((m) => m.type === "image");
  const short = excerpt(text, 60) ||
    (picture ? labels.headPicture : labels.headPost);
  const head: PageHeadData = { title: labels.headTitle(handle, short) };
  if (status.visibility !== "public" && status.visibility !== "unlisted") {
    return head;
  }
  const pictureUrl = picture && !status.sensitive
    ? picture.url ?? picture.preview_url
    : null;
  return {
    ...head,
    canonical: status.url ?? status.uri,
    activityPub: status.uri,
    preview: {
      type: "article",
      title: accountLabel(status.account, host),
      description: excerpt(text, 300),
      image: pictureUrl
        ? { url: pictureUrl, alt: picture!.description, large: true }
        : { url: status.account.avatar, alt: null, large: false },
    },
  };
}
