/**
 * Custom emoji (issue 16): local ones an admin uploads and files in categories, remote ones
 * learnt from peers; which ones a text shows, and their Mastodon entity. The public face:
 * nothing outside lib/emoji imports its other files.
 */
export {
  type AdminDeps,
  changeEmoji,
  checkShortcode,
  copyEmoji,
  createEmoji,
  deleteEmoji,
  emojiCategories,
  type EmojiChange,
  emojiFilesJob,
  type EmojiUpload,
  getEmoji,
  importEmoji,
  listEmojisForAdmin,
} from "./admin.ts";
export {
  accountEmojis,
  accountEmojiSource,
  EmojiIndex,
  emojiIndexOfBundle,
  emojiJson,
  emojiRowsOfAccount,
  emojisOfAccount,
  type EmojiSource,
  enabledLocalEmoji,
  type FileUrl,
  localEmojis,
  localEmojisNamed,
  pickerEmojis,
  shortcodesIn,
} from "./render.ts";
export { type RemoteEmoji, storeRemoteEmojis } from "./remote.ts";
export { EMOJI_SIZE_LIMIT, EMOJI_TYPES } from "./images.ts";
export {
  type CategoryRow,
  type EmojiFilter,
  type EmojiRow,
} from "./emojis-db.ts";
