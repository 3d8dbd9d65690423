-- Preview cards (link previews): what a local post's first link says about itself (OpenGraph,
-- else the page's title and description, with oEmbed filling gaps), fetched once per URL by
-- the `status.fetch_card` job and shared by every status linking there. The image is stored
-- with the media (`image_key`, a 640 px preview of it).
CREATE TABLE preview_cards (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  url text NOT NULL UNIQUE,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  type text NOT NULL DEFAULT 'link',
  author_name text NOT NULL DEFAULT '',
  author_url text NOT NULL DEFAULT '',
  provider_name text NOT NULL DEFAULT '',
  provider_url text NOT NULL DEFAULT '',
  image_key text,
  image_width integer NOT NULL DEFAULT 0,
  image_height integer NOT NULL DEFAULT 0,
  image_description text NOT NULL DEFAULT '',
  blurhash text,
  published_at timestamptz,
  fetched_at timestamptz NOT NULL DEFAULT now()
);

-- One card per status (Mastodon's preview_cards_statuses), for the link it was made from.
CREATE TABLE preview_cards_statuses (
  status_id bigint PRIMARY KEY REFERENCES statuses (id) ON DELETE CASCADE,
  preview_card_id bigint NOT NULL REFERENCES preview_cards (id) ON DELETE CASCADE
);
CREATE INDEX preview_cards_statuses_card ON preview_cards_statuses (preview_card_id);
