-- Each process keeps whether any `no_access` IP block is in force (lib/moderation/access-gate.ts),
-- so a request costs no statement for it while none is; every change to `ip_blocks` is
-- announced on one channel, whatever wrote it, and every process asks again.
CREATE FUNCTION starling_ip_blocks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('starling_ip_blocks', '');
  RETURN NULL;
END $$;

CREATE TRIGGER ip_blocks_changed AFTER INSERT OR UPDATE OR DELETE ON ip_blocks
  FOR EACH STATEMENT EXECUTE FUNCTION starling_ip_blocks_changed();
