-- Starling's initial schema, modelled on Mastodon's entities.
--
-- IDs are Mastodon-style time-ordered 64-bit integers: milliseconds since the epoch in the high
-- 48 bits, a sequence in the low 16. Statuses from other servers get ids from their published
-- time, so every timeline sorts by id and `max_id` paging works everywhere. JSON renders them as
-- strings (postgres.js returns int8 as a string).

CREATE SEQUENCE starling_id_seq;

CREATE FUNCTION starling_id(ts timestamptz DEFAULT clock_timestamp()) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
  SELECT (floor(extract(epoch FROM ts) * 1000)::bigint << 16) | (nextval('starling_id_seq') & 65535)
$$;

-- Key/value settings the server keeps for itself (the generated SECRET_KEY, instance keys).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Local and remote accounts in one table; domain is NULL for local accounts.
CREATE TABLE accounts (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  username text NOT NULL,
  domain text,
  display_name text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',              -- HTML (sanitised for remote accounts)
  note_source text NOT NULL DEFAULT '',       -- the plain text a local user typed
  uri text UNIQUE,                            -- ActivityPub actor id (remote only)
  url text,                                   -- profile page (remote only)
  avatar_url text,
  header_url text,
  locked boolean NOT NULL DEFAULT false,
  bot boolean NOT NULL DEFAULT false,
  discoverable boolean NOT NULL DEFAULT true,
  indexable boolean NOT NULL DEFAULT true,
  fields jsonb NOT NULL DEFAULT '[]',         -- [{name, value, verified_at}]
  also_known_as text[] NOT NULL DEFAULT '{}',
  moved_to_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  actor_type text NOT NULL DEFAULT 'Person',
  inbox_url text,
  shared_inbox_url text,
  outbox_url text,
  followers_url text,
  following_url text,
  featured_url text,
  public_key_pem text,
  public_key_id text,
  followers_count integer NOT NULL DEFAULT 0,
  following_count integer NOT NULL DEFAULT 0,
  statuses_count integer NOT NULL DEFAULT 0,
  last_status_at timestamptz,
  suspended_at timestamptz,
  fetched_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_username_domain ON accounts (lower(username), coalesce(lower(domain), ''));
CREATE INDEX accounts_domain ON accounts (domain) WHERE domain IS NOT NULL;
CREATE INDEX accounts_shared_inbox ON accounts (shared_inbox_url) WHERE shared_inbox_url IS NOT NULL;

-- Private keys of local accounts (and the instance actor), kept out of the accounts row.
CREATE TABLE account_keys (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  algorithm text NOT NULL,                   -- 'RSASSA-PKCS1-v1_5' | 'Ed25519'
  public_jwk jsonb NOT NULL,
  private_jwk jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, algorithm)
);

-- Login identities for local accounts.
CREATE TABLE users (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
  email text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'moderator', 'admin')),
  locale text NOT NULL DEFAULT 'en',
  approved boolean NOT NULL DEFAULT true,
  disabled boolean NOT NULL DEFAULT false,
  registration_reason text,
  default_privacy text NOT NULL DEFAULT 'public',
  default_sensitive boolean NOT NULL DEFAULT false,
  default_language text,
  sign_in_count integer NOT NULL DEFAULT 0,
  last_sign_in_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- OAuth 2: applications, authorization codes (grants) and access tokens. Secrets are stored hashed.
CREATE TABLE oauth_applications (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  name text NOT NULL,
  website text,
  redirect_uris text[] NOT NULL DEFAULT '{}',
  scopes text NOT NULL DEFAULT 'read',
  client_id text NOT NULL UNIQUE,
  client_secret_hash text NOT NULL,
  owner_user_id bigint REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE oauth_grants (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  application_id bigint NOT NULL REFERENCES oauth_applications (id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL UNIQUE,
  redirect_uri text NOT NULL,
  scopes text NOT NULL,
  code_challenge text,
  code_challenge_method text,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE oauth_tokens (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  application_id bigint REFERENCES oauth_applications (id) ON DELETE CASCADE,
  user_id bigint REFERENCES users (id) ON DELETE CASCADE,  -- NULL for client_credentials
  token_hash text NOT NULL UNIQUE,
  scopes text NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oauth_tokens_user ON oauth_tokens (user_id) WHERE revoked_at IS NULL;

-- Browser sessions. Each holds an access token of the built-in web application, which the
-- web UI's islands use to call the API, as Mastodon's web UI does.
CREATE TABLE web_sessions (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  session_hash text NOT NULL UNIQUE,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_id bigint REFERENCES oauth_tokens (id) ON DELETE CASCADE,
  user_agent text,
  ip text,
  last_used_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE polls (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  options text[] NOT NULL,
  votes_counts integer[] NOT NULL,
  multiple boolean NOT NULL DEFAULT false,
  hide_totals boolean NOT NULL DEFAULT false,
  voters_count integer NOT NULL DEFAULT 0,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE statuses (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  uri text NOT NULL UNIQUE,
  url text,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  local boolean NOT NULL,
  in_reply_to_id bigint REFERENCES statuses (id) ON DELETE SET NULL,
  in_reply_to_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  in_reply_to_uri text,                      -- kept when the parent is unknown or gone
  reblog_of_id bigint REFERENCES statuses (id) ON DELETE CASCADE,
  conversation_id bigint,
  text text NOT NULL DEFAULT '',             -- source text (local statuses)
  content text NOT NULL DEFAULT '',          -- HTML
  spoiler_text text NOT NULL DEFAULT '',
  sensitive boolean NOT NULL DEFAULT false,
  visibility text NOT NULL CHECK (visibility IN ('public', 'unlisted', 'private', 'direct')),
  language text,
  application_id bigint REFERENCES oauth_applications (id) ON DELETE SET NULL,
  poll_id bigint REFERENCES polls (id) ON DELETE SET NULL,
  replies_count integer NOT NULL DEFAULT 0,
  reblogs_count integer NOT NULL DEFAULT 0,
  favourites_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX statuses_account ON statuses (account_id, id DESC);
CREATE INDEX statuses_reply ON statuses (in_reply_to_id) WHERE in_reply_to_id IS NOT NULL;
CREATE INDEX statuses_reblog ON statuses (reblog_of_id) WHERE reblog_of_id IS NOT NULL;
CREATE UNIQUE INDEX statuses_one_reblog ON statuses (account_id, reblog_of_id) WHERE reblog_of_id IS NOT NULL;
CREATE INDEX statuses_public ON statuses (id DESC) WHERE visibility = 'public' AND reblog_of_id IS NULL;
CREATE INDEX statuses_public_local ON statuses (id DESC) WHERE visibility = 'public' AND reblog_of_id IS NULL AND local;
CREATE INDEX statuses_conversation ON statuses (conversation_id) WHERE conversation_id IS NOT NULL;

-- Earlier versions of edited statuses, oldest first.
CREATE TABLE status_edits (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  text text NOT NULL DEFAULT '',
  content text NOT NULL DEFAULT '',
  spoiler_text text NOT NULL DEFAULT '',
  sensitive boolean NOT NULL DEFAULT false,
  media_ids bigint[] NOT NULL DEFAULT '{}',
  poll_options text[],
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_edits_status ON status_edits (status_id, id);

-- URIs of deleted remote objects, so a Create arriving after its Delete is ignored.
CREATE TABLE tombstones (
  uri text PRIMARY KEY,
  account_id bigint REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE media_attachments (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id bigint REFERENCES statuses (id) ON DELETE SET NULL,
  type text NOT NULL DEFAULT 'image',         -- image | gifv | video | audio | unknown
  content_type text,
  file_key text,                              -- storage key of the original (local uploads)
  preview_key text,
  remote_url text,                            -- remote attachments: where the original lives
  description text,
  blurhash text,
  meta jsonb NOT NULL DEFAULT '{}',
  file_size bigint,
  processing text NOT NULL DEFAULT 'done',    -- queued | processing | done | failed
  position smallint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_status ON media_attachments (status_id, position) WHERE status_id IS NOT NULL;
CREATE INDEX media_unattached ON media_attachments (created_at) WHERE status_id IS NULL;

CREATE TABLE mentions (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  silent boolean NOT NULL DEFAULT false,
  UNIQUE (status_id, account_id)
);
CREATE INDEX mentions_account ON mentions (account_id, status_id DESC);

CREATE TABLE tags (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  name text NOT NULL UNIQUE,                  -- lowercase
  display_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE statuses_tags (
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  tag_id bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (tag_id, status_id)
);
CREATE INDEX statuses_tags_status ON statuses_tags (status_id);

CREATE TABLE tag_follows (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  tag_id bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  UNIQUE (account_id, tag_id)
);

CREATE TABLE poll_votes (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  poll_id bigint NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  choice smallint NOT NULL,
  uri text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (poll_id, account_id, choice)
);

CREATE TABLE follows (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  show_reblogs boolean NOT NULL DEFAULT true,
  notify boolean NOT NULL DEFAULT false,
  languages text[],
  uri text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX follows_target ON follows (target_account_id, id DESC);

CREATE TABLE follow_requests (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  show_reblogs boolean NOT NULL DEFAULT true,
  notify boolean NOT NULL DEFAULT false,
  uri text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX follow_requests_target ON follow_requests (target_account_id, id DESC);

CREATE TABLE favourites (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  uri text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, status_id)
);
CREATE INDEX favourites_status ON favourites (status_id, id DESC);

CREATE TABLE bookmarks (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, status_id)
);

CREATE TABLE status_pins (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, status_id)
);

CREATE TABLE conversation_mutes (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  conversation_id bigint NOT NULL,
  PRIMARY KEY (account_id, conversation_id)
);

CREATE TABLE blocks (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  uri text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX blocks_target ON blocks (target_account_id);

CREATE TABLE mutes (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  hide_notifications boolean NOT NULL DEFAULT true,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, target_account_id)
);

CREATE TABLE account_notes (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  comment text NOT NULL,
  PRIMARY KEY (account_id, target_account_id)
);

CREATE TABLE notifications (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,       -- recipient
  from_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  type text NOT NULL,            -- mention | status | reblog | follow | follow_request | favourite | poll | update
  status_id bigint REFERENCES statuses (id) ON DELETE CASCADE,
  group_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_account ON notifications (account_id, id DESC);
-- One notification per (recipient, type, actor, status): duplicate deliveries notify once.
CREATE UNIQUE INDEX notifications_once ON notifications (account_id, type, from_account_id, coalesce(status_id, 0));

-- Home timelines, filled at write time (fan-out on write): reading a page is one index scan.
CREATE TABLE home_feed_entries (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, status_id)
);
CREATE INDEX home_feed_entries_status ON home_feed_entries (status_id);

CREATE TABLE lists (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  title text NOT NULL,
  replies_policy text NOT NULL DEFAULT 'list',
  exclusive boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE list_accounts (
  list_id bigint NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (list_id, account_id)
);

CREATE TABLE markers (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  timeline text NOT NULL,        -- home | notifications
  last_read_id bigint NOT NULL,
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, timeline)
);

CREATE TABLE filters (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  title text NOT NULL,
  context text[] NOT NULL,
  filter_action text NOT NULL DEFAULT 'warn',
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE filter_keywords (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  filter_id bigint NOT NULL REFERENCES filters (id) ON DELETE CASCADE,
  keyword text NOT NULL,
  whole_word boolean NOT NULL DEFAULT true
);

-- Reports (local, or Flag activities from other servers).
CREATE TABLE reports (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_ids bigint[] NOT NULL DEFAULT '{}',
  comment text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT 'other',
  uri text UNIQUE,
  forwarded boolean NOT NULL DEFAULT false,
  action_taken_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Idempotency-Key support for POST /api/v1/statuses.
CREATE TABLE idempotency_keys (
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key text NOT NULL,
  status_id bigint REFERENCES statuses (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
