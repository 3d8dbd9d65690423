-- Blocklist subscriptions (issue 16; GoToSocial has them, Mastodon doesn't): an admin subscribes
-- to a published list of domains to block (Mastodon's CSV, a JSON array as Mastodon's
-- /api/v1/instance/domain_blocks or GoToSocial's export, or plain text, one domain a line).
-- Each fetch compares the list with the blocks the subscription made: the differences are
-- applied at once (`auto_apply`) or wait as drafts for an admin.
CREATE TABLE domain_block_subscriptions (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  url text NOT NULL UNIQUE,
  auto_apply boolean NOT NULL DEFAULT false,
  -- Who subscribed: the audit log names them for changes applied automatically.
  created_by_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  fetched_at timestamptz,
  -- The last fetch's problem (unreachable, unreadable, empty), or lines it skipped; NULL when clean.
  fetch_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The subscription that made a block. A block made by hand (NULL) is never changed or removed
-- by a subscription; one made by a subscription goes when its list drops the domain.
ALTER TABLE domain_blocks
  ADD COLUMN subscription_id bigint REFERENCES domain_block_subscriptions (id) ON DELETE SET NULL;

-- Changes a fetch found that wait for an admin. A rejected draft stays rejected while the list
-- keeps proposing the same change, so the admin is not asked again at every fetch.
CREATE TABLE domain_block_drafts (
  subscription_id bigint NOT NULL REFERENCES domain_block_subscriptions (id) ON DELETE CASCADE,
  domain text NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  severity text NOT NULL CHECK (severity IN ('noop', 'silence', 'suspend')),
  reject_media boolean NOT NULL DEFAULT false,
  reject_reports boolean NOT NULL DEFAULT false,
  public_comment text,
  obfuscate boolean NOT NULL DEFAULT false,
  rejected boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subscription_id, domain)
);
