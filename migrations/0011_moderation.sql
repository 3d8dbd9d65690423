-- Moderation (issue 16, first slice): Mastodon's roles with a permission bitmask, the reports
-- workflow (assignee, who resolved it, notes) and an audit log of what moderators did.

-- Roles as Mastodon has them (app/models/user_role.rb, config/roles.yml): the built-ins keep
-- Mastodon's names, positions and permission bits. -99 is "everyone": the role of a user with
-- no role_id, whose permissions every role also has. Custom roles get ordinary ids.
CREATE TABLE user_roles (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  name text NOT NULL DEFAULT '',
  color text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0,
  permissions bigint NOT NULL DEFAULT 0,
  highlighted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_roles_name ON user_roles (lower(name)) WHERE id <> -99;

-- everyone: invite_users (1 << 16)
-- Moderator: invite_users, view_dashboard, view_audit_log, manage_users, manage_reports,
--            manage_taxonomies
-- Admin: every permission but administrator and view_devops
-- Owner: administrator, which implies all of them
INSERT INTO user_roles (id, name, position, permissions, highlighted) VALUES
  (-99, '', -1, 65536, false),
  (1, 'Moderator', 10, 66844, true),
  (2, 'Admin', 100, 1048572, true),
  (3, 'Owner', 1000, 1, true);

ALTER TABLE users ADD COLUMN role_id bigint REFERENCES user_roles (id) ON DELETE SET NULL;

-- The old text role maps onto the built-ins. Mastodon makes the account created at setup the
-- Owner; here that is the earliest admin (the operator's own, made by `accounts create --role
-- admin`). Without an Owner no one could act on the Admins.
UPDATE users SET role_id = 1 WHERE role = 'moderator';
UPDATE users SET role_id = 2 WHERE role = 'admin';
UPDATE users SET role_id = 3
WHERE id = (SELECT id FROM users WHERE role = 'admin' ORDER BY created_at, id LIMIT 1);

-- One source of truth: the text column goes (nothing reads it any more).
ALTER TABLE users DROP COLUMN role;

-- Reports: who is handling one, who resolved it, when it last changed.
ALTER TABLE reports ADD COLUMN assigned_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE reports ADD COLUMN action_taken_by_account_id bigint
  REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE reports ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
UPDATE reports SET updated_at = created_at;
-- The queue: unresolved first, newest first.
CREATE INDEX reports_queue ON reports ((action_taken_at IS NOT NULL), id DESC);

CREATE TABLE report_notes (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  report_id bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  content text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_notes_report ON report_notes (report_id, id);

-- What moderators did: who, what, to what, when. Kept when the target goes (the log outlives
-- it), so the target is a type and id, not a foreign key.
CREATE TABLE admin_action_logs (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id bigint NOT NULL,
  human_identifier text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_action_logs_target ON admin_action_logs (target_type, target_id, id);

-- `admin.report` notifications carry their report; one per report and recipient.
ALTER TABLE notifications ADD COLUMN report_id bigint REFERENCES reports (id) ON DELETE CASCADE;
DROP INDEX notifications_once;
CREATE UNIQUE INDEX notifications_once ON notifications
  (account_id, type, from_account_id, coalesce(status_id, 0), coalesce(report_id, 0));
