-- E-mail (lib/mail): confirmed addresses, single-use tokens mailed out, the addresses a user has
-- signed in from, and which notifications they want by e-mail.

-- Null until the address is confirmed. Accounts made before e-mail existed count as confirmed.
ALTER TABLE users ADD COLUMN confirmed_at timestamptz;
UPDATE users SET confirmed_at = created_at;

-- Per notification type, true or false where the user chose; absent types take the default
-- (lib/mail/notification-mail.ts: Mastodon's, follow, follow_request and mention on).
ALTER TABLE users ADD COLUMN notification_emails jsonb NOT NULL DEFAULT '{}';
-- Set when a notification's e-mail is written, in the same transaction: mailed once, even if
-- the event that announced it is handled twice.
ALTER TABLE notifications ADD COLUMN emailed_at timestamptz;

-- A token sent by mail: confirming the sign-up address, resetting the password, confirming a
-- new address (`email` is the address the token was sent to, and for a change the new one).
-- Only the SHA-256 of the token is kept; `used_at` makes it single-use.
CREATE TABLE email_tokens (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('confirmation', 'password_reset', 'email_change')),
  token_hash text NOT NULL UNIQUE,
  email text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose);

-- Where each user has signed in from: a sign-in from an address not in here is mailed about.
CREATE TABLE user_sign_in_addresses (
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  ip text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, ip)
);
-- The addresses of existing sessions are known already (no alert for them after the upgrade).
INSERT INTO user_sign_in_addresses (user_id, ip, first_seen_at, last_seen_at)
SELECT user_id, ip, min(created_at), max(created_at)
FROM web_sessions WHERE ip IS NOT NULL
GROUP BY user_id, ip;
