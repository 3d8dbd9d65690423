-- Reports filed through POST /api/v1/reports carry Mastodon's fields: the server rules cited
-- (`rule_ids`, category 'violation') and one of Mastodon's four categories.
ALTER TABLE reports ADD COLUMN rule_ids bigint[];
ALTER TABLE reports ADD CONSTRAINT reports_category
  CHECK (category IN ('spam', 'legal', 'violation', 'other'));
