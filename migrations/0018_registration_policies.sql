-- Registrations and spam (issue 16): who may sign up, from where, and with which address —
-- Mastodon's EmailDomainBlock, IpBlock, CanonicalEmailBlock and Invite.

-- A block on example.com refuses addresses at example.com and at its subdomains, and addresses
-- whose domain's mail is handled (MX) by a host under it.
CREATE TABLE email_domain_blocks (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  domain text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Each sign-up a block refused: Admin::EmailDomainBlock's `history` counts them per day.
CREATE TABLE email_domain_block_attempts (
  email_domain_block_id bigint NOT NULL REFERENCES email_domain_blocks (id) ON DELETE CASCADE,
  ip inet,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_domain_block_attempts_block
  ON email_domain_block_attempts (email_domain_block_id, attempted_at);

CREATE TABLE ip_blocks (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  ip cidr NOT NULL UNIQUE,
  severity text NOT NULL
    CHECK (severity IN ('sign_up_requires_approval', 'sign_up_block', 'no_access')),
  comment text NOT NULL DEFAULT '',
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Every request asks whether its address is denied: only `no_access` rows are looked at.
CREATE INDEX ip_blocks_no_access ON ip_blocks USING gist (ip inet_ops)
  WHERE severity = 'no_access';

-- sha256 (hex) of the address as Mastodon canonicalises it (lower case, no dots and no
-- +suffix in the local part); the account it was made from, when a suspension made it.
CREATE TABLE canonical_email_blocks (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  canonical_email_hash text NOT NULL UNIQUE,
  reference_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invites (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code text NOT NULL UNIQUE,
  max_uses integer CHECK (max_uses IS NULL OR max_uses > 0),
  uses integer NOT NULL DEFAULT 0,
  expires_at timestamptz,
  autofollow boolean NOT NULL DEFAULT false,
  comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invites_user ON invites (user_id, id);

-- Who invited whom: the invite a user signed up with.
ALTER TABLE users ADD COLUMN invite_id bigint REFERENCES invites (id) ON DELETE SET NULL;
-- Where a sign-up came from (Mastodon's sign_up_ip): what moderators judge a pending account by.
ALTER TABLE users ADD COLUMN sign_up_ip text;

-- The "new account limits" spam policy (one row): mentions from accounts younger than this many
-- days that no local account follows go to the mentioned users' notification requests. 0: off.
CREATE TABLE spam_limits (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  new_account_days integer NOT NULL DEFAULT 0 CHECK (new_account_days BETWEEN 0 AND 365),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO spam_limits DEFAULT VALUES;
