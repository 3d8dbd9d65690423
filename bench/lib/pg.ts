/** The benchmark's own Postgres database: dropped and recreated per run, migrated like the app. */
import postgres from "postgres";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";
import { ROOT_DIR } from "./process.ts";

export const ADMIN_URL = Deno.env.get("BENCH_ADMIN_URL") ??
  "postgres://postgres@127.0.0.1:5432/test";

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.href;
}

async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Drops (forcing out old connections) and recreates `name`, then runs the app's migrations. */
export async function recreateDatabase(name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`bad database name ${name}`);
  }
  await admin(async (sql) => {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await sql.unsafe(`CREATE DATABASE ${name}`);
  });
  const url = databaseUrl(name);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(sql, await readMigrations(`${ROOT_DIR}/migrations`));
  } finally {
    await sql.end({ timeout: 5 });
  }
  return url;
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((sql) =>
    sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  );
}

export function connect(url: string, max: number): postgres.Sql {
  return postgres(url, {
    max,
    onnotice: () => {},
    connection: { application_name: "bench" },
  });
}
