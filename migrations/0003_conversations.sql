-- Direct-message conversations as each participant sees them (Mastodon's account_conversations):
-- one row per local account, thread (statuses.conversation_id) and set of other participants.
-- `status_ids` keeps the direct statuses in it so a deletion can fall back to the previous one.
CREATE TABLE account_conversations (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  conversation_id bigint NOT NULL,
  participant_account_ids bigint[] NOT NULL DEFAULT '{}',   -- sorted, without account_id
  status_ids bigint[] NOT NULL DEFAULT '{}',
  last_status_id bigint,
  unread boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, conversation_id, participant_account_ids)
);
CREATE INDEX account_conversations_page ON account_conversations (account_id, last_status_id DESC)
  WHERE last_status_id IS NOT NULL;
CREATE INDEX account_conversations_statuses ON account_conversations USING gin (status_ids);

-- A user's notification filtering choices (GET/PATCH /api/v2/notifications/policy).
-- Values: 'accept', 'filter' or 'drop', as Mastodon 4.3. Defaults are 'accept': Starling does not
-- filter notifications into requests yet, so the stored choice is what clients show back.
CREATE TABLE notification_policies (
  account_id bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  for_not_following text NOT NULL DEFAULT 'accept'
    CHECK (for_not_following IN ('accept', 'filter', 'drop')),
  for_not_followers text NOT NULL DEFAULT 'accept'
    CHECK (for_not_followers IN ('accept', 'filter', 'drop')),
  for_new_accounts text NOT NULL DEFAULT 'accept'
    CHECK (for_new_accounts IN ('accept', 'filter', 'drop')),
  for_private_mentions text NOT NULL DEFAULT 'accept'
    CHECK (for_private_mentions IN ('accept', 'filter', 'drop')),
  for_limited_accounts text NOT NULL DEFAULT 'accept'
    CHECK (for_limited_accounts IN ('accept', 'filter', 'drop')),
  updated_at timestamptz NOT NULL DEFAULT now()
);
