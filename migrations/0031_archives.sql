-- Account archives (issue 19): the export a user asks for (one a week, built by the
-- `archive.export` job into media storage under `archives/…`), and archives a user uploads to
-- bring their posts over (analysed first for a dry run, imported once they confirm).

-- A post brought in from an archive: when, and its id on the server it was written on (the key
-- that makes a second import of the same archive skip it).
ALTER TABLE statuses ADD COLUMN imported_at timestamptz;
ALTER TABLE statuses ADD COLUMN origin_uri text;
CREATE UNIQUE INDEX statuses_origin_uri ON statuses (account_id, origin_uri)
  WHERE origin_uri IS NOT NULL;

CREATE TABLE archives (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'ready', 'failed')),
  storage_key text,
  size bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX archives_account ON archives (account_id, created_at DESC);

CREATE TABLE archive_imports (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  state text NOT NULL DEFAULT 'analysing'
    CHECK (state IN ('analysing', 'analysed', 'importing', 'done', 'failed', 'cancelled')),
  storage_key text NOT NULL,
  size bigint NOT NULL,
  -- The dry run's counts (ArchiveSummary), then the import's (ImportResult).
  summary jsonb,
  result jsonb,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX archive_imports_account ON archive_imports (account_id, created_at DESC);
