/**
 * Realistic data, generated with set-based SQL (INSERT … SELECT generate_series): local users
 * with OAuth tokens, remote accounts on 50 origins, a follow graph, statuses spread over a year
 * with replies (threads), boosts, favourites and hashtags, and home feeds filled by fan-out on
 * write, consistently with the follows. Deterministic: the same size gives the same data.
 *
 * The graph is the same at every size (1,000 users following 200 each, 20,000 accounts), so only
 * the number of statuses changes between sizes.
 */
import type postgres from "postgres";
import { generateActorKeys } from "../../lib/domain/keys.ts";

export interface DataShape {
  statuses: number;
  localUsers: number;
  follows: number;
  accounts: number;
  /** Local users 1..posters are each followed by users 1..posterFollowers (scenario 3). */
  posters: number;
  posterFollowers: number;
}

export function shapeFor(statuses: number, smoke = false): DataShape {
  return smoke
    ? {
      statuses,
      localUsers: 30,
      follows: 10,
      accounts: 200,
      posters: 2,
      posterFollowers: 20,
    }
    : {
      statuses,
      localUsers: 1000,
      follows: 200,
      accounts: 20_000,
      posters: 8,
      posterFollowers: 200,
    };
}

/** The bearer token of local user n (stored as its sha256 hex in oauth_tokens). */
export const tokenOf = (n: number) => `bench-token-${n}`;
export const usernameOf = (n: number) => `user${n}`;

export interface GenerateReport {
  seconds: number;
  rows: Record<string, number>;
}

/** Fills an empty, migrated database. `origin` is the server's ORIGIN (for local URIs). */
export async function generate(
  sql: postgres.Sql,
  shape: DataShape,
  origin: string,
  log: (line: string) => void = () => {},
): Promise<GenerateReport> {
  const t0 = performance.now();
  const keys = await generateActorKeys();
  const { statuses: S, localUsers: L, follows: F, accounts: A } = shape;
  await sql.begin(async (tx) => {
    // Bulk load: skip FK triggers (the generator builds consistent data by construction).
    await tx`SET LOCAL session_replication_role = replica`;
    const step = async (name: string, query: string) => {
      const t = performance.now();
      await tx.unsafe(query);
      log(`  ${name}: ${Math.round(performance.now() - t)} ms`);
    };
    await step(
      "accounts",
      `
      CREATE TEMP TABLE b_acct ON COMMIT DROP AS
        SELECT n, starling_id(now() - interval '800 days' + n * interval '1 minute') AS id,
               n <= ${L} AS local
        FROM generate_series(1, ${A}) n;
      CREATE UNIQUE INDEX ON b_acct (n);
      INSERT INTO accounts (id, username, domain, display_name, note, uri, url, inbox_url,
                            shared_inbox_url, followers_url, public_key_pem, public_key_id, created_at)
      SELECT id,
             CASE WHEN local THEN 'user' || n ELSE 'r' || n END,
             CASE WHEN local THEN NULL ELSE 'peer' || (n % 50) || '.test' END,
             CASE WHEN local THEN 'User ' || n ELSE 'Remote ' || n END,
             '<p>Bench account ' || n || '. Writes about #tag' || (n % 100) || '.</p>',
             CASE WHEN local THEN NULL ELSE 'https://peer' || (n % 50) || '.test/users/r' || n END,
             CASE WHEN local THEN NULL ELSE 'https://peer' || (n % 50) || '.test/@r' || n END,
             CASE WHEN local THEN NULL ELSE 'https://peer' || (n % 50) || '.test/users/r' || n || '/inbox' END,
             CASE WHEN local THEN NULL ELSE 'https://peer' || (n % 50) || '.test/inbox' END,
             CASE WHEN local THEN NULL ELSE 'https://peer' || (n % 50) || '.test/users/r' || n || '/followers' END,
             CASE WHEN local THEN NULL ELSE '-----BEGIN PUBLIC KEY-----bench-----END PUBLIC KEY-----' END,
             CASE WHEN local THEN NULL ELSE 'https://peer' || (n % 50) || '.test/users/r' || n || '#main-key' END,
             now() - interval '800 days' + n * interval '1 minute'
      FROM b_acct`,
    );
    await step(
      "users, keys, tokens",
      `
      -- Confirmed addresses: an unconfirmed user may read but not post (lib/domain/statuses.ts).
      INSERT INTO users (account_id, email, password_hash, confirmed_at)
      SELECT id, 'user' || n || '@bench.test', 'bench-no-password', now() FROM b_acct WHERE local;
      INSERT INTO account_keys (account_id, algorithm, public_jwk, private_jwk)
      SELECT a.id, k.algorithm, k.public_jwk, k.private_jwk
      FROM b_acct a, jsonb_to_recordset('${
        JSON.stringify(keys.map((k) => ({
          algorithm: k.algorithm,
          public_jwk: k.publicJwk,
          private_jwk: k.privateJwk,
        })))
      }'::jsonb) AS k(algorithm text, public_jwk jsonb, private_jwk jsonb)
      WHERE a.local;
      INSERT INTO oauth_applications (name, scopes, client_id, client_secret_hash, redirect_uris)
      VALUES ('bench', 'read write follow push', 'bench-client', 'x', '{urn:ietf:wg:oauth:2.0:oob}');
      INSERT INTO oauth_tokens (application_id, user_id, token_hash, scopes)
      SELECT (SELECT id FROM oauth_applications WHERE client_id = 'bench-client'), u.id,
             encode(sha256(convert_to('bench-token-' || a.n, 'UTF8')), 'hex'), 'read write follow push'
      FROM b_acct a JOIN users u ON u.account_id = a.id`,
    );
    // Each local user follows F distinct accounts (stride 97, coprime with A), never itself;
    // users 1..posterFollowers also follow the posters. `local_follower` is written here: the
    // trigger that sets it (migration 0008) is off while replication_role is replica.
    await step(
      "follows",
      `
      INSERT INTO follows (account_id, target_account_id, created_at, local_follower)
      SELECT f.id, t.id, now() - interval '400 days', f.local
      FROM generate_series(1, ${L}) u
      CROSS JOIN generate_series(1, ${F}) k
      JOIN b_acct f ON f.n = u
      JOIN b_acct t ON t.n = ((u::bigint * 7919 + k * 97) % ${A}) + 1
      WHERE t.n <> u;
      INSERT INTO follows (account_id, target_account_id, created_at, local_follower)
      SELECT f.id, t.id, now() - interval '400 days', f.local
      FROM generate_series(1, ${shape.posterFollowers}) u
      CROSS JOIN generate_series(1, ${shape.posters}) p
      JOIN b_acct f ON f.n = u JOIN b_acct t ON t.n = p
      WHERE u <> p
      ON CONFLICT DO NOTHING`,
    );
    // Statuses: n = 1..S in time order over the last year. Every 20th is a boost, 4 in 20 are
    // replies to a recent non-boost status; visibility 85% public, 10% unlisted, 5% private;
    // boosts only of public/unlisted statuses.
    await step(
      "status plan",
      `
      CREATE TEMP TABLE b_status ON COMMIT DROP AS
      WITH base AS (
        SELECT n,
               now() - interval '2 minutes' - (${S} - n) * (interval '365 days' / ${S}) AS ts,
               (${h("n", 1)} % ${A}) + 1 AS author,
               CASE WHEN ${h("n", 2)} % 100 < 85 THEN 'public'
                    WHEN ${
        h("n", 2)
      } % 100 < 95 THEN 'unlisted' ELSE 'private' END AS visibility,
               CASE WHEN n > 1 THEN n - 1 - (${
        h("n", 3)
      } % least(n - 1, 500)) END AS p0
        FROM generate_series(1, ${S}) n
      ), parented AS (
        SELECT *, CASE WHEN p0 % 20 = 0 THEN p0 - 1 ELSE p0 END AS parent FROM base
      )
      SELECT n, ts, author, visibility, starling_id(ts) AS id,
             CASE WHEN n % 20 = 0 AND parent >= 1
                   AND ${h("parent", 2)} % 100 < 95 THEN 'boost'
                  WHEN n % 20 BETWEEN 1 AND 4 AND parent >= 1 THEN 'reply'
                  ELSE 'post' END AS kind,
             parent, NULL::bigint AS root
      FROM parented;
      CREATE UNIQUE INDEX ON b_status (n);
      UPDATE b_status SET parent = NULL WHERE kind = 'post';
      -- Thread roots: follow reply chains up to the first non-reply.
      WITH RECURSIVE r(n, root) AS (
        SELECT n, n FROM b_status WHERE kind <> 'reply'
        UNION ALL
        SELECT s.n, r.root FROM b_status s JOIN r ON s.parent = r.n WHERE s.kind = 'reply'
      )
      UPDATE b_status s SET root = r.root FROM r WHERE r.n = s.n;
      ANALYZE b_status`,
    );
    await step(
      "statuses",
      `
      INSERT INTO statuses (id, uri, url, account_id, local, in_reply_to_id, in_reply_to_account_id,
                            reblog_of_id, conversation_id, text, content, visibility, language,
                            favourites_count, created_at, updated_at)
      SELECT s.id,
             CASE WHEN a.local THEN '${origin}/users/user' || a.n || '/statuses/' || s.id
                  ELSE 'https://peer' || (a.n % 50) || '.test/users/r' || a.n || '/statuses/' || s.n END,
             CASE WHEN a.local THEN '${origin}/@user' || a.n || '/' || s.id
                  ELSE 'https://peer' || (a.n % 50) || '.test/@r' || a.n || '/' || s.n END,
             a.id, a.local,
             CASE WHEN s.kind = 'reply' THEN p.id END,
             CASE WHEN s.kind = 'reply' THEN pa.id END,
             CASE WHEN s.kind = 'boost' THEN p.id END,
             CASE WHEN s.kind = 'boost' THEN NULL ELSE rt.id END,
             CASE WHEN s.kind = 'boost' THEN '' ELSE ${statusText("s.n")} END,
             CASE WHEN s.kind = 'boost' THEN '' ELSE '<p>' || ${
        statusText("s.n", true)
      } || '</p>' END,
             s.visibility, 'en',
             CASE WHEN s.kind = 'boost' THEN 0 ELSE (s.n * 7) % 5 END,
             s.ts, s.ts
      FROM b_status s
      JOIN b_acct a ON a.n = s.author
      LEFT JOIN b_status p ON p.n = s.parent
      LEFT JOIN b_acct pa ON pa.n = p.author
      LEFT JOIN b_status rt ON rt.n = s.root
      ON CONFLICT DO NOTHING`,
    );
    await step(
      "tags",
      `
      INSERT INTO tags (name, display_name) SELECT 'tag' || t, 'Tag' || t FROM generate_series(0, 99) t;
      INSERT INTO statuses_tags (status_id, tag_id)
      SELECT s.id, t.id FROM b_status s JOIN tags t ON t.name = 'tag' || ((s.n * 17) % 100)
      WHERE s.n % 10 = 3 AND s.kind <> 'boost'`,
    );
    // (n*7)%5 favourites per non-boost status, by distinct accounts (stride 101).
    await step(
      "favourites",
      `
      INSERT INTO favourites (account_id, status_id, created_at)
      SELECT a.id, s.id, s.ts + j * interval '1 minute'
      FROM b_status s
      CROSS JOIN LATERAL generate_series(1, (s.n * 7) % 5) j
      JOIN b_acct a ON a.n = ((${h("s.n", 4)} + j * 101) % ${A}) + 1
      WHERE s.kind <> 'boost'
      ON CONFLICT DO NOTHING`,
    );
    await step(
      "counters",
      `
      UPDATE statuses st SET replies_count = c.n
      FROM (SELECT in_reply_to_id AS id, count(*) AS n FROM statuses
            WHERE in_reply_to_id IS NOT NULL GROUP BY 1) c WHERE st.id = c.id;
      UPDATE statuses st SET reblogs_count = c.n
      FROM (SELECT reblog_of_id AS id, count(*) AS n FROM statuses
            WHERE reblog_of_id IS NOT NULL GROUP BY 1) c WHERE st.id = c.id;
      UPDATE accounts a SET statuses_count = c.n, last_status_at = c.last
      FROM (SELECT account_id, count(*) AS n, max(created_at) AS last FROM statuses GROUP BY 1) c
      WHERE a.id = c.account_id;
      UPDATE accounts a SET following_count = c.n
      FROM (SELECT account_id, count(*) AS n FROM follows GROUP BY 1) c WHERE a.id = c.account_id;
      UPDATE accounts a SET followers_count = c.n
      FROM (SELECT target_account_id, count(*) AS n FROM follows GROUP BY 1) c
      WHERE a.id = c.target_account_id`,
    );
    // Fan-out on write, after the fact: every status (boosts included) is in the home feed of
    // each local follower of its author, and a local author's own statuses are in their own.
    await step(
      "home feeds",
      `
      INSERT INTO home_feed_entries (account_id, status_id)
      SELECT f.account_id, s.id FROM statuses s JOIN follows f ON f.target_account_id = s.account_id
      UNION
      SELECT s.account_id, s.id FROM statuses s WHERE s.local
      ORDER BY 1, 2`,
    );
  });
  // BENCH_ANALYZE=0 leaves the data unanalysed: a freshly loaded server before autovacuum
  // gets to it (and the embedded database, which has none); autovacuum is kept off it too.
  if (Deno.env.get("BENCH_ANALYZE") !== "0") await sql.unsafe("ANALYZE");
  else {
    await sql.unsafe(`DO $$ DECLARE t record; BEGIN
      FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
        EXECUTE format('ALTER TABLE %I SET (autovacuum_enabled = false)', t.tablename);
      END LOOP; END $$`);
  }
  const rows: Record<string, number> = {};
  for (
    const table of [
      "accounts",
      "follows",
      "statuses",
      "favourites",
      "home_feed_entries",
    ]
  ) {
    const [{ n }] = await sql.unsafe(`SELECT count(*)::int AS n FROM ${table}`);
    rows[table] = n;
  }
  return { seconds: (performance.now() - t0) / 1000, rows };
}

/**
 * A pseudo-random non-negative int from `x` (an SQL expression) and a salt. Linear formulas such
 * as `n * 7919 % 500` correlate with `n % 20` (which decides a status's kind) and chained every
 * reply of one class into a single 500-status thread; a hash doesn't.
 */
function h(x: string, salt: number): string {
  return `(hashint8((${x})::bigint * 8 + ${salt}) & 2147483647)`;
}

/** A status text of ~120 characters; one in ten carries a hashtag. */
function statusText(n: string, html = false): string {
  const tag = html
    ? `'<a href="/tags/tag' || ((${n} * 17) % 100) || '" class="mention hashtag" rel="tag">#<span>tag' || ((${n} * 17) % 100) || '</span></a>'`
    : `'#tag' || ((${n} * 17) % 100)`;
  return `'Status ' || ${n} || ': a benchmark post about nothing much, long enough to look like a ` +
    `real one. ' || CASE WHEN ${n} % 10 = 3 THEN ${tag} ELSE '' END`;
}
