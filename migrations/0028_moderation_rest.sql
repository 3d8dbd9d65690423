-- The rest of issue 16.
--
-- Hashtag moderation (Mastodon's Admin::Tag): a tag that is not `usable` is not linked in new
-- posts, not attached to them, not found by search and never trends; one that is not
-- `listable` is not offered by search. Whether it may trend is its `trend_reviews` row.
ALTER TABLE tags
  ADD COLUMN usable boolean NOT NULL DEFAULT true,
  ADD COLUMN listable boolean NOT NULL DEFAULT true;

-- Announcements published automatically at `scheduled_at` by the `announcements.publish` job.
ALTER TABLE announcements ADD COLUMN scheduled_at timestamptz;

-- Who was on each side of a cut relationship (Mastodon 4.3 keeps these lists for the CSV
-- downloads): `following` means the local account followed the remote one. The remote
-- account is named by its address, so the list outlives the purge of the remote accounts.
CREATE TABLE severed_relationships (
  relationship_severance_event_id bigint NOT NULL
    REFERENCES relationship_severance_events (id) ON DELETE CASCADE,
  local_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  direction text NOT NULL CHECK (direction IN ('following', 'followers')),
  remote_acct text NOT NULL,
  show_reblogs boolean NOT NULL DEFAULT true,
  notify boolean NOT NULL DEFAULT false,
  languages text[],
  PRIMARY KEY (relationship_severance_event_id, local_account_id, direction, remote_acct)
);
CREATE INDEX severed_relationships_account
  ON severed_relationships (local_account_id, relationship_severance_event_id);
