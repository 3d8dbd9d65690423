-- Mastodon-format CSV imports (lib/imports): one row per uploaded file, one per line of it. The
-- file is parsed whole before anything is written (a malformed file writes nothing); the
-- `import.process` job then applies pending rows in batches, each row marked done or failed
-- (with why) as it is applied, so a restart picks up exactly the rows not yet done.
CREATE TABLE imports (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN
    ('following', 'blocking', 'muting', 'domain_blocking', 'bookmarks', 'lists')),
  mode text NOT NULL CHECK (mode IN ('merge', 'overwrite')),
  file_name text NOT NULL DEFAULT '',
  total_rows integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Set once every row is done or failed (and, in overwrite mode, what the file left out removed).
  finished_at timestamptz
);
CREATE INDEX imports_account ON imports (account_id, id DESC);

CREATE TABLE import_rows (
  import_id bigint NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  line integer NOT NULL,            -- the line of the file the row came from (1-based)
  data jsonb NOT NULL,              -- the row's fields, by name (see lib/imports/parse.ts)
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  error text,
  -- What the row named, once resolved (an account or status id): overwrite keeps these.
  target_id bigint,
  PRIMARY KEY (import_id, line)
);
CREATE INDEX import_rows_pending ON import_rows (import_id, line) WHERE state = 'pending';

-- A follow request keeps the languages asked for (a follows file's `Languages`, the API's
-- `languages`), so the follow its Accept makes has them too.
ALTER TABLE follow_requests ADD COLUMN languages text[];
