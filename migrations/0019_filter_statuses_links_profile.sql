-- Filters can name statuses as well as keywords (Mastodon's custom_filter_statuses): a status
-- named by an active filter is filtered in the filter's contexts, boosts of it included.
CREATE TABLE filter_statuses (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  filter_id bigint NOT NULL REFERENCES filters (id) ON DELETE CASCADE,
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (filter_id, status_id)
);

-- The web links in each status's content (not mentions or hashtags), for the link timeline
-- (GET /api/v1/timelines/link?url=): written with the status (lib/text/links.ts normalises
-- them), read by URL newest first. Statuses from before this migration are indexed here from
-- their stored HTML (entities in href other than &amp; are left as they are).
CREATE TABLE status_links (
  url text NOT NULL,
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  PRIMARY KEY (url, status_id)
);
CREATE INDEX status_links_status ON status_links (status_id);

INSERT INTO status_links (url, status_id)
SELECT DISTINCT replace(substring(a.tag FROM '(?i)href="(https?://[^"]+)"'), '&amp;', '&'), s.id
FROM statuses s
CROSS JOIN LATERAL (
  SELECT m[1] AS tag FROM regexp_matches(s.content, '(<a\s[^>]*>)', 'gi') AS m
) a
WHERE s.reblog_of_id IS NULL
  AND a.tag ~* 'href="https?://'
  AND a.tag !~* 'class="[^"]*\m(mention|hashtag)\M'
  AND a.tag !~* 'rel="[^"]*\mtag\M'
ON CONFLICT DO NOTHING;

-- The profile settings of Mastodon 4.4–4.6 (GET/PATCH /api/v1/profile): descriptions of the
-- avatar and header images, which profile tabs the user wishes shown, the websites allowed to
-- credit them as an author, and whether their followers and follows lists are hidden from others.
ALTER TABLE accounts
  ADD COLUMN hide_collections boolean NOT NULL DEFAULT false,
  ADD COLUMN avatar_description text NOT NULL DEFAULT '',
  ADD COLUMN header_description text NOT NULL DEFAULT '',
  ADD COLUMN show_media boolean NOT NULL DEFAULT true,
  ADD COLUMN show_media_replies boolean NOT NULL DEFAULT true,
  ADD COLUMN show_featured boolean NOT NULL DEFAULT true,
  ADD COLUMN attribution_domains text[] NOT NULL DEFAULT '{}';
