-- Scheduled statuses (POST /api/v1/statuses with scheduled_at): the row keeps the API's
-- parameters as Mastodon's ScheduledStatus.params; a `status.publish_scheduled` job written in
-- the same transaction (ordering key 'scheduled_status:<id>', run_at = scheduled_at) posts it
-- through the ordinary posting path. Media are held at scheduling time: a held upload can't be
-- attached to another status, nor pruned as unattached.
CREATE TABLE scheduled_statuses (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  scheduled_at timestamptz NOT NULL,
  params jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scheduled_statuses_account ON scheduled_statuses (account_id, scheduled_at);

ALTER TABLE media_attachments
  ADD COLUMN scheduled_status_id bigint REFERENCES scheduled_statuses (id) ON DELETE SET NULL;
CREATE INDEX media_scheduled ON media_attachments (scheduled_status_id)
  WHERE scheduled_status_id IS NOT NULL;

-- Posting fans a public post out to the followers of its hashtags (lib/db/feeds.ts): found by tag.
CREATE INDEX tag_follows_tag ON tag_follows (tag_id);

-- A user's own domain blocks (/api/v1/domain_blocks; the instance's are moderation's): that
-- domain's posts and notifications are hidden from this user, and its accounts' follows of the
-- user removed. `domain` is stored lowercase, as accounts.domain is compared.
CREATE TABLE account_domain_blocks (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  domain text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, domain)
);
