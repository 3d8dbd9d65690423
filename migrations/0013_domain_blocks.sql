-- Federation policies (issue 16): instance-level domain blocks and allows, as Mastodon has them
-- (app/models/domain_block.rb, domain_allow.rb). A block on example.com covers its subdomains.
CREATE TABLE domain_blocks (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  -- Lowercase, punycode, no trailing dot: the host part of an actor's URI without its port.
  domain text NOT NULL UNIQUE,
  severity text NOT NULL DEFAULT 'silence' CHECK (severity IN ('noop', 'silence', 'suspend')),
  reject_media boolean NOT NULL DEFAULT false,
  reject_reports boolean NOT NULL DEFAULT false,
  private_comment text,
  public_comment text,
  obfuscate boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE domain_allows (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  domain text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row, bumped by every change to either table: each process keeps the policies in memory
-- and re-reads them when this number moved (a primary-key read per check).
CREATE TABLE domain_policy_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO domain_policy_version DEFAULT VALUES;

CREATE FUNCTION bump_domain_policy_version() RETURNS trigger AS $$
BEGIN
  UPDATE domain_policy_version SET version = version + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER domain_blocks_version AFTER INSERT OR UPDATE OR DELETE ON domain_blocks
  FOR EACH STATEMENT EXECUTE FUNCTION bump_domain_policy_version();
CREATE TRIGGER domain_allows_version AFTER INSERT OR UPDATE OR DELETE ON domain_allows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_domain_policy_version();

-- The block that applies to an account's domain (its own, or the nearest parent domain's),
-- for queries that hide what suspended or silenced domains wrote. NULL: none.
CREATE FUNCTION domain_block_severity(account_domain text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT severity FROM domain_blocks
  WHERE account_domain IS NOT NULL
    AND (domain = account_domain
      OR domain = split_part(account_domain, ':', 1)
      OR split_part(account_domain, ':', 1) LIKE '%.' || domain)
  ORDER BY length(domain) DESC
  LIMIT 1
$$;

-- Mastodon 4.3's severed relationships: what a domain block cut, and per local account how
-- many of its followers and follows went (the `severed_relationships` notification's event).
CREATE TABLE relationship_severance_events (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  type text NOT NULL CHECK (type IN ('domain_block', 'user_domain_block', 'account_suspension')),
  target_name text NOT NULL,
  purged boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account_relationship_severance_events (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  relationship_severance_event_id bigint NOT NULL
    REFERENCES relationship_severance_events (id) ON DELETE CASCADE,
  followers_count integer NOT NULL DEFAULT 0,
  following_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, relationship_severance_event_id)
);

ALTER TABLE notifications ADD COLUMN account_relationship_severance_event_id bigint
  REFERENCES account_relationship_severance_events (id) ON DELETE CASCADE;

-- Account actions (migration 0012, in parallel) add this too; either order works.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS suspended_at timestamptz;
DROP INDEX notifications_once;
CREATE UNIQUE INDEX notifications_once ON notifications
  (account_id, type, from_account_id, coalesce(status_id, 0), coalesce(report_id, 0),
   coalesce(account_relationship_severance_event_id, 0));
