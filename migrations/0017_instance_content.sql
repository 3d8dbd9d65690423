-- Instance settings and content (issue 16): server settings an admin edits without a restart,
-- the server's rules, versions of the terms of service, and announcements with their
-- dismissals and reactions.

-- One row per setting that an admin has set (Mastodon's `settings` table); an unset key falls
-- back to its default (for the registration mode: the REGISTRATIONS environment variable).
CREATE TABLE instance_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Rules are soft-deleted, as Mastodon does, so that reports citing one still show its text.
CREATE TABLE server_rules (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  position integer NOT NULL DEFAULT 0,
  text text NOT NULL,
  hint text NOT NULL DEFAULT '',
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX server_rules_order ON server_rules (position, id) WHERE deleted_at IS NULL;

-- Terms of service: every published version is kept; the current one is the latest whose
-- effective date has come (Mastodon 4.4).
CREATE TABLE terms_of_service (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  text text NOT NULL,
  effective_date date NOT NULL UNIQUE,
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE announcements (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  text text NOT NULL,
  starts_at timestamptz,
  ends_at timestamptz,
  all_day boolean NOT NULL DEFAULT false,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE announcement_dismissals (
  announcement_id bigint NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (announcement_id, account_id)
);

CREATE TABLE announcement_reactions (
  announcement_id bigint NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (announcement_id, account_id, name)
);

-- The audit log page filters by moderator, newest first (by action it scans the log backwards).
CREATE INDEX admin_action_logs_account ON admin_action_logs (account_id, id);
