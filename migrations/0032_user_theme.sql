-- The web UI's colours, per user (/settings/preferences): follow the device, always light,
-- always dark, or high contrast. Applied as `data-theme` on <html>.
ALTER TABLE users ADD COLUMN theme text NOT NULL DEFAULT 'system'
  CHECK (theme IN ('system', 'light', 'dark', 'contrast'));
