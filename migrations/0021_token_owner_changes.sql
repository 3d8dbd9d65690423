-- The API keeps each access token's owner (token, user, account) in memory per process
-- (lib/mastodon/token-owner-cache.ts). Every change to a token, a user or a local account is
-- announced on one channel, whatever wrote it (API, web, admin CLI, jobs, another process), so
-- every process drops what it holds: a revoked token, a disabled user or a suspended account
-- stops working, and a changed profile or counter isn't served stale.
CREATE FUNCTION starling_token_owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('starling_token_owners',
    TG_ARGV[0] || ':' || CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  RETURN NULL;
END $$;

CREATE TRIGGER oauth_tokens_owner_changed AFTER UPDATE OR DELETE ON oauth_tokens
  FOR EACH ROW EXECUTE FUNCTION starling_token_owner_changed('token');
CREATE TRIGGER users_owner_changed AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION starling_token_owner_changed('user');
-- Remote accounts own no tokens.
CREATE TRIGGER accounts_owner_changed AFTER UPDATE OR DELETE ON accounts
  FOR EACH ROW WHEN (OLD.domain IS NULL) EXECUTE FUNCTION starling_token_owner_changed('account');
