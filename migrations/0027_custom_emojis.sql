-- Custom emoji (issue 16): local ones uploaded by an admin (domain NULL, image in media
-- storage), remote ones learnt from peers' Emoji tags (domain = the peer, image at its URL),
-- grouped into categories for the compose picker.
CREATE TABLE custom_emoji_categories (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE custom_emojis (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  shortcode text NOT NULL,
  domain text,
  -- A stored image (local emoji, and remote ones copied to local): a media storage key.
  image_key text,
  -- Its first frame as a still image (what `static_url` shows for animated emoji).
  image_static_key text,
  image_content_type text,
  -- A remote emoji's image where its server keeps it, and its ActivityPub id.
  image_remote_url text,
  uri text,
  category_id bigint REFERENCES custom_emoji_categories (id) ON DELETE SET NULL,
  visible_in_picker boolean NOT NULL DEFAULT true,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Shortcodes are unique per domain and matched case-sensitively, as Mastodon does.
CREATE UNIQUE INDEX custom_emojis_shortcode_domain
  ON custom_emojis (shortcode, coalesce(domain, ''));
CREATE INDEX custom_emojis_domain ON custom_emojis (domain, shortcode);
