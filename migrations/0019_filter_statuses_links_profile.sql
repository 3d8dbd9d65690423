-- Filters can name statuses as well as keywords (Mastodon's custom_filter_statuses): a status
-- named by an active filter is filtered in the filter's contexts, boosts of it included.
CREATE TABLE filter_statuses (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  filter_id bigint NOT NULL REFERENCES filters (id) ON DELETE CASCADE,
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (filter_id, status_id)
);
