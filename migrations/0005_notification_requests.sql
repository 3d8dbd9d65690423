-- The notification policy applied (lib/domain/notification-policy.ts): a notification a
-- `filter` rule catches is kept, marked filtered (out of the list and the unread count), under a
-- request per (recipient, sender) that the recipient accepts or dismisses.
ALTER TABLE notifications ADD COLUMN filtered boolean NOT NULL DEFAULT false;
CREATE INDEX notifications_filtered ON notifications (account_id, from_account_id)
  WHERE filtered;

CREATE TABLE notification_requests (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,        -- recipient
  from_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, from_account_id)
);
CREATE INDEX notification_requests_account ON notification_requests (account_id, id DESC);

-- Senders whose request the recipient accepted: their notifications are never filtered again.
CREATE TABLE notification_permissions (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  from_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, from_account_id)
);
