import type { Messages } from "./messages.ts";

/**
 * English for a post (components/StatusCard.tsx and its islands), apart from the rest of the
 * catalogue: islands fall back on these, so only these travel in their bundles.
 */
export const enStatus: Messages["status"] = {
  visibilityPublic: "Public",
  visibilityUnlisted: "Unlisted",
  visibilityPrivate: "Followers only",
  visibilityDirect: "Mentioned people only",
  inReplyTo: "Reply",
  contentWarning: "Content warning:",
  filtered: "Filtered:",
  sensitiveContent: "Sensitive content",
  showMedia: "Show",
  mediaAttachment: "{type} attachment",
  mediaNouns: {
    image: ["image", "images"],
    gifv: ["GIF", "GIFs"],
    video: ["video", "videos"],
    audio: ["audio file", "audio files"],
    unknown: ["attachment", "attachments"],
  },
  edited: "Edited {date}",
  reply: "Reply",
  boost: "Boost",
  boostUnavailable: "Boost (not available for this post's visibility)",
  favourite: "Favourite",
  bookmark: "Bookmark",
  repliesCount: "Reply — replies:",
  boostsCount: "Boost — boosts:",
  favouritesCount: "Favourite — favourites:",
  more: "More",
  moreActions: "More actions for this post",
  copyLink: "Copy link",
  linkCopied: "Link copied",
  mute: "Mute conversation",
  unmute: "Unmute conversation",
  pin: "Pin on profile",
  unpin: "Unpin from profile",
  edit: "Edit",
  deleteOrRedraft: "Delete or redraft",
  report: "Report @{acct}",
};
