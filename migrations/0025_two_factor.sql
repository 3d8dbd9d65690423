-- Two-factor sign-in with a TOTP app (RFC 6238), as Mastodon offers, and ten single-use
-- recovery codes. `otp_secret` (base32) is set when enrolment starts and kept once
-- `otp_enabled_at` is set; `otp_last_step` is the last time step accepted, so a code can't be
-- used twice.
ALTER TABLE users ADD COLUMN otp_secret text;
ALTER TABLE users ADD COLUMN otp_enabled_at timestamptz;
ALTER TABLE users ADD COLUMN otp_last_step bigint;

CREATE TABLE otp_recovery_codes (
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
