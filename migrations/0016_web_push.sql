-- Web Push (Mastodon's /api/v1/push/subscription): one subscription per access token. `alerts`
-- lists the notification types that are pushed; `policy` is all/followed/follower/none. The
-- access token itself goes into every push payload (Mastodon's `access_token`), but tokens are
-- stored only as hashes: `sealed_access_token` is the token encrypted under a key derived from the
-- server secret (lib/push/token-seal.ts), so a copy of the database alone holds no working token.
CREATE TABLE web_push_subscriptions (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  token_id bigint NOT NULL UNIQUE REFERENCES oauth_tokens (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  endpoint text NOT NULL,
  key_p256dh text NOT NULL,
  key_auth text NOT NULL,
  standard boolean NOT NULL DEFAULT false,
  alerts text[] NOT NULL DEFAULT '{}',
  policy text NOT NULL DEFAULT 'all' CHECK (policy IN ('all', 'followed', 'follower', 'none')),
  sealed_access_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_push_subscriptions_account ON web_push_subscriptions (account_id);

-- The web UI's push token (POST /settings/push_token): made for one browser session and deleted
-- with it, so signing out ends that browser's notifications (its subscription cascades away).
ALTER TABLE oauth_tokens
  ADD COLUMN web_session_id bigint REFERENCES web_sessions (id) ON DELETE CASCADE;
