/** SQL for warning presets (`account_warning_presets`, migration 0012). */
import type { Queryable } from "../db/client.ts";
import type { WarningPresetRow } from "./account-actions-db.ts";

export async function allWarningPresets(
  db: Queryable,
): Promise<WarningPresetRow[]> {
  return [
    ...await db<WarningPresetRow[]>`
      SELECT id, title, text FROM account_warning_presets ORDER BY title, id`,
  ];
}

export async function insertWarningPreset(
  db: Queryable,
  title: string,
  text: string,
): Promise<WarningPresetRow> {
  const [row] = await db<WarningPresetRow[]>`
    INSERT INTO account_warning_presets (title, text) VALUES (${title}, ${text})
    RETURNING id, title, text`;
  return row;
}

/** False when there is no such preset. */
export async function updateWarningPresetRow(
  db: Queryable,
  id: string,
  title: string,
  text: string,
): Promise<boolean> {
  if (!/^\d{1,19}$/.test(id)) return false;
  const result = await db`
    UPDATE account_warning_presets SET title = ${title}, text = ${text}, updated_at = now()
    WHERE id = ${id}`;
  return result.count > 0;
}

/** The deleted preset's title, or null when there was none. */
export async function deleteWarningPresetRow(
  db: Queryable,
  id: string,
): Promise<string | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<{ title: string }[]>`
    DELETE FROM account_warning_presets WHERE id = ${id} RETURNING title`;
  return row?.title ?? null;
}
