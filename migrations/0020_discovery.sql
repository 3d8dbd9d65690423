-- Discovery (issue 17; trends review from issue 16): trends computed by the `trends.refresh`
-- job, the moderators' decisions on what may trend, dismissed follow suggestions, accounts the
-- staff feature as suggestions, and accounts a user endorses on their profile.

-- What trends now, replaced by each run of the job. `key` is the tag's id, the status's id or
-- the link's URL; `id` stays the same while an item keeps trending (the admin API's link id).
-- `history` (links only): the last 7 days' uses and accounts, as the TrendsLink entity has it.
CREATE TABLE trends (
  id bigint NOT NULL DEFAULT starling_id() UNIQUE,
  kind text NOT NULL CHECK (kind IN ('tag', 'status', 'link')),
  key text NOT NULL,
  score double precision NOT NULL,
  accounts integer NOT NULL,
  history jsonb NOT NULL DEFAULT '[]',
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, key)
);
CREATE INDEX trends_rank ON trends (kind, score DESC);

-- A moderator's decision (Mastodon's `trendable`): no row means not reviewed yet, so not shown.
-- It outlives the trend, as Mastodon's does: an approved tag trends again without review.
-- `publisher` keys are link hosts: approving one approves its links.
CREATE TABLE trend_reviews (
  kind text NOT NULL CHECK (kind IN ('tag', 'status', 'link', 'publisher')),
  key text NOT NULL,
  trendable boolean NOT NULL,
  reviewed_by bigint REFERENCES accounts (id) ON DELETE SET NULL,
  reviewed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, key)
);

-- The sites trending links come from (Mastodon's publishers, PreviewCardProvider), kept by the
-- trends job so each has a lasting id for the admin API; `host` is lowercase.
CREATE TABLE trend_publishers (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  host text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- DELETE /api/v1/suggestions/:account_id: never suggested to that user again.
CREATE TABLE suggestion_dismissals (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, target_account_id)
);

-- Accounts the staff suggest to everyone (Mastodon's "featured" suggestion source).
CREATE TABLE featured_accounts (
  account_id bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Endorsements (featured accounts on a profile: /api/v1/accounts/:id/endorse, Mastodon's
-- account_pins).
CREATE TABLE account_pins (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX account_pins_target ON account_pins (target_account_id);
