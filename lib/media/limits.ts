/** Media limits (Mastodon's numbers), enforced by `lib/domain/media.ts`. */

/** Published in the instance configuration (`configuration.media_attachments`). */
export const MEDIA_LIMITS = {
  supported_mime_types: [
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/avif",
    "video/mp4",
    "video/webm",
    "video/quicktime",
    "audio/mpeg",
    "audio/mp3",
    "audio/ogg",
    "audio/wav",
  ],
  description_limit: 1500,
  image_size_limit: 16_777_216,
  image_matrix_limit: 33_177_600,
  video_size_limit: 103_809_024,
  video_frame_rate_limit: 120,
  video_matrix_limit: 8_294_400,
} as const;
