-- Account actions (issue 16): Mastodon's limits on an account short of suspension, the
-- warnings ("strikes") a user gets with every action, and their appeals.

-- Silenced (Mastodon's "limited"): hidden from public timelines and from non-followers.
-- Sensitized: the account's media are always marked sensitive.
ALTER TABLE accounts ADD COLUMN silenced_at timestamptz;
ALTER TABLE accounts ADD COLUMN sensitized_at timestamptz;
-- Who suspended a remote account: 'local' (our moderators) or 'remote' (its own server said so
-- with `suspended: true` in its actor). Only the latter is lifted when its server lifts it.
ALTER TABLE accounts ADD COLUMN suspension_origin text;

-- Notifications from limited accounts are filtered by default, as Mastodon's policy does.
-- (Existing policies keep what they hold: a stored 'accept' can't be told from a choice.)
ALTER TABLE notification_policies ALTER COLUMN for_limited_accounts SET DEFAULT 'filter';

-- Mastodon's account_warnings: what moderators did to an account (`action`: none, disable,
-- mark_statuses_as_sensitive, delete_statuses, sensitive, silence, suspend), with their text,
-- the report it answered and the posts it cited. `account_id` is the moderator.
CREATE TABLE account_warnings (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  action text NOT NULL,
  text text NOT NULL DEFAULT '',
  report_id bigint REFERENCES reports (id) ON DELETE SET NULL,
  status_ids bigint[] NOT NULL DEFAULT '{}',
  overruled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_warnings_target ON account_warnings (target_account_id, id);

-- One appeal per warning (Mastodon's appeals: approved or rejected by a moderator).
CREATE TABLE appeals (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  account_warning_id bigint NOT NULL UNIQUE REFERENCES account_warnings (id) ON DELETE CASCADE,
  text text NOT NULL,
  approved_at timestamptz,
  approved_by_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  rejected_at timestamptz,
  rejected_by_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Mastodon's warning presets: texts a moderator can pick instead of writing one.
CREATE TABLE account_warning_presets (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  title text NOT NULL DEFAULT '',
  text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
