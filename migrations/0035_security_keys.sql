-- Security keys and passkeys as a second factor (WebAuthn), as Mastodon offers them next to
-- the authenticator app: a user with two-factor on may register keys and sign in with any of
-- them instead of a code. Turning two-factor off removes them.
CREATE TABLE webauthn_credentials (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The authenticator's credential id and COSE public key, base64url.
  credential_id text NOT NULL UNIQUE,
  public_key text NOT NULL,
  -- The authenticator's signature counter: a lower one than stored means a cloned key.
  sign_count bigint NOT NULL DEFAULT 0,
  transports text[] NOT NULL DEFAULT '{}',
  nickname text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  UNIQUE (user_id, nickname)
);

-- The challenge a page handed the browser, one per user and purpose; used once, within minutes.
CREATE TABLE webauthn_challenges (
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('register', 'sign_in')),
  challenge text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, purpose)
);

-- The WebAuthn user handle: random, so an authenticator learns nothing about the account.
ALTER TABLE users ADD COLUMN webauthn_handle text;
