-- Fedify's key–value store and message queue, on a Postgres server (lib/federation/pg-kv-store.ts,
-- pg-queue.ts). The embedded database keeps them in Deno KV; there these tables stay empty.

-- Keys are the JSON text of Fedify's key arrays; "C" collation so a key prefix is a range.
CREATE TABLE federation_kv (
  key text COLLATE "C" PRIMARY KEY,
  value jsonb NOT NULL,
  expires_at timestamptz          -- NULL: kept until deleted; past: reads as absent, swept
);
CREATE INDEX federation_kv_expires ON federation_kv (expires_at) WHERE expires_at IS NOT NULL;

-- One row per message until its handler has run. A worker claims a due row by setting
-- locked_until (its lease, renewed while the handler runs); a row whose lease ran out (the
-- worker died) is claimed again. Rows sharing an ordering_key run one at a time, in order.
CREATE TABLE federation_queue (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  ordering_key text,
  message json NOT NULL,          -- json, not jsonb: kept as sent (jsonb refuses \u0000)
  deliver_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  enqueued_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX federation_queue_due ON federation_queue (deliver_at, id);
CREATE INDEX federation_queue_ordering ON federation_queue (ordering_key, deliver_at, id)
  WHERE ordering_key IS NOT NULL;
