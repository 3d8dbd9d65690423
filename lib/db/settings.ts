/** SQL for the server's own key/value settings. */
import type { Queryable } from "./client.ts";

export async function getSetting(
  db: Queryable,
  key: string,
): Promise<string | null> {
  const [row] = await db<
    { value: string }[]
  >`SELECT value FROM settings WHERE key = ${key}`;
  return row?.value ?? null;
}

/** Stores `value` unless the key already has one; returns whichever value is stored. */
export async function getOrInsertSetting(
  db: Queryable,
  key: string,
  value: string,
): Promise<string> {
  await db`INSERT INTO settings (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO NOTHING`;
  return (await getSetting(db, key))!;
}
