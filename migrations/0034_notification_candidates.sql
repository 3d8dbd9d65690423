-- The newest notifications of a recipient, in id order, for the notification list's windows
-- (lib/db/notifications.ts). Planned as an ordinary query, the window's plan depended on
-- statistics: on a table that had not been analysed (a freshly loaded server; PGlite, which
-- runs no autovacuum, between its analyse jobs) the planner guessed ~100 rows for a recipient
-- and read all of them (29,850 in tests/perf) through a bitmap scan and a sort — and with a
-- `types` filter or a larger window it did so whatever the table held. With sorting disabled
-- inside this function the only plan left is a walk of `notifications_account` in order that
-- stops after `size` rows; no statistics can change that.
CREATE FUNCTION notification_candidates(
  recipient bigint,
  before_id bigint,          -- max_id: older than this (null: from the newest)
  after_id bigint,           -- since_id / min_id: newer than this (null: no bound)
  ascending boolean,         -- min_id pages walk upwards from after_id
  include_filtered boolean,  -- also what the notification policy filtered
  only_types text[],         -- null: every type
  except_types text[],       -- null: none excluded
  from_account bigint,       -- null: from anyone
  size integer
) RETURNS TABLE (id bigint) LANGUAGE plpgsql STABLE
SET enable_sort = off
AS $$
BEGIN
  IF ascending THEN
    RETURN QUERY
      SELECT n.id FROM notifications n
      WHERE n.account_id = recipient
        AND n.id < coalesce(before_id, 9223372036854775807)
        AND n.id > coalesce(after_id, -1)
        AND (include_filtered OR NOT n.filtered)
        AND (only_types IS NULL OR n.type = ANY (only_types))
        AND (except_types IS NULL OR NOT (n.type = ANY (except_types)))
        AND (from_account IS NULL OR n.from_account_id = from_account)
      ORDER BY n.id ASC LIMIT size;
  ELSE
    RETURN QUERY
      SELECT n.id FROM notifications n
      WHERE n.account_id = recipient
        AND n.id < coalesce(before_id, 9223372036854775807)
        AND n.id > coalesce(after_id, -1)
        AND (include_filtered OR NOT n.filtered)
        AND (only_types IS NULL OR n.type = ANY (only_types))
        AND (except_types IS NULL OR NOT (n.type = ANY (except_types)))
        AND (from_account IS NULL OR n.from_account_id = from_account)
      ORDER BY n.id DESC LIMIT size;
  END IF;
END $$;
