-- Moving an account (Mastodon's account migration) and deleting one's own account.

-- When a local account last moved away: Mastodon allows one move per 30 days.
ALTER TABLE accounts ADD COLUMN moved_at timestamptz;

-- A user asked to delete their account: after this moment a daily job deletes it. Until then
-- signing in reaches only the page that cancels the request (lib/web/limited-session.ts).
ALTER TABLE users ADD COLUMN delete_after timestamptz;
CREATE INDEX users_delete_after ON users (delete_after) WHERE delete_after IS NOT NULL;

-- Usernames of deleted local accounts: never given to anyone else (their actor URIs stay dead).
CREATE TABLE account_tombstones (
  username text NOT NULL,
  deleted_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_tombstones_username ON account_tombstones (lower(username));

-- Moves taken (ours, and remote accounts' `Move` activities): a redelivered Move is taken once.
CREATE TABLE account_moves (
  origin_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (origin_account_id, target_account_id)
);
