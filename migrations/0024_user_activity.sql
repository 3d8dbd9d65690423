-- The days each local account used Starling (signed in on a page or called the API), for the
-- dashboard's active users and retention (Mastodon counts them in Redis; here a row per account
-- and day, written at most once a day per process). No foreign key: a deleted account still
-- counted as active on the days it was.
CREATE TABLE account_activity_days (
  account_id bigint NOT NULL,
  day date NOT NULL,
  PRIMARY KEY (day, account_id)
);
