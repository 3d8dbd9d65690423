/** SQL for the instance's settings: one row per key an admin has set. */
import type { Queryable } from "../db/client.ts";

export interface SettingRow {
  key: string;
  value: unknown;
  updated_at: Date;
}

export async function allSettings(db: Queryable): Promise<SettingRow[]> {
  return [
    ...await db<
      SettingRow[]
    >`SELECT key, value, updated_at FROM instance_settings`,
  ];
}

export async function settingValue(
  db: Queryable,
  key: string,
): Promise<unknown | undefined> {
  const [row] = await db<{ value: unknown }[]>`
    SELECT value FROM instance_settings WHERE key = ${key}`;
  return row?.value;
}

/**
 * Writes the keys whose value changed (an unchanged key keeps its `updated_at`); null unsets
 * a key (back to its default). Returns the keys that changed.
 */
export async function writeSettings(
  db: Queryable,
  entries: Record<string, unknown>,
): Promise<string[]> {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    const rows = value === null
      ? await db`DELETE FROM instance_settings WHERE key = ${key} RETURNING key`
      : await db`
      INSERT INTO instance_settings (key, value) VALUES (${key}, ${
        db.json(value as never)
      })
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()
      WHERE instance_settings.value IS DISTINCT FROM excluded.value
      RETURNING key`;
    if (rows.length) changed.push(key);
  }
  return changed;
}
