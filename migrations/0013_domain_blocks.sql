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
