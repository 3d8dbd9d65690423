-- Posting fans out to the author's *local* followers only (home feeds, "notify me" bells), but
-- a popular account has thousands of remote followers: reading all of them to keep the local
-- few cost tens of milliseconds per post. `local_follower` is set when a follow is inserted
-- (a follower's domain never changes) and a partial index finds the local ones directly.
ALTER TABLE follows ADD COLUMN local_follower boolean NOT NULL DEFAULT false;

UPDATE follows f SET local_follower = true
FROM accounts a WHERE a.id = f.account_id AND a.domain IS NULL;

CREATE FUNCTION follows_set_local_follower() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.local_follower := EXISTS (
    SELECT 1 FROM accounts WHERE id = NEW.account_id AND domain IS NULL
  );
  RETURN NEW;
END
$$;

CREATE TRIGGER follows_local_follower BEFORE INSERT ON follows
FOR EACH ROW EXECUTE FUNCTION follows_set_local_follower();

CREATE INDEX follows_local_followers ON follows (target_account_id)
WHERE local_follower;
