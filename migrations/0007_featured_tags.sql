-- Hashtags an account features on its profile (Mastodon's featured tags; at most 10, a rule of
-- lib/domain/tags.ts). Counts are computed when listed, not stored.
CREATE TABLE featured_tags (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  tag_id bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, tag_id)
);
