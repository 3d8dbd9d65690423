/**
 * Warning presets (`manage_settings`, as Mastodon's AccountWarningPresetPolicy): texts a
 * moderator picks when warning or acting on an account; the preset's text comes first in the
 * warning, the moderator's own words after it (account-actions.ts). Each change is audited.
 */
import type { Queryable, Sql } from "../db/client.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { type Actor, can, requirePermission } from "./permissions.ts";
import { recordAction } from "./audit-log.ts";
import type { WarningPresetRow } from "./account-actions-db.ts";
import * as db from "./warning-presets-db.ts";

export type { WarningPresetRow } from "./account-actions-db.ts";

const MAX_TEXT = 5000;

/** The presets, for whoever may act on accounts (the action form) or manage them. */
export async function listWarningPresets(
  sql: Queryable,
  actor: Actor | null,
): Promise<WarningPresetRow[]> {
  if (!can(actor, "manage_users") && !can(actor, "manage_settings")) {
    requirePermission(actor, "manage_settings");
  }
  return await db.allWarningPresets(sql);
}

function checkInput(input: { title: string; text: string }) {
  const title = input.title.trim();
  const text = input.text.trim();
  if (!text) throw invalid("Text can't be blank", "text");
  if (text.length > MAX_TEXT || title.length > 200) {
    throw invalid("Too long", text.length > MAX_TEXT ? "text" : "title");
  }
  return { title, text };
}

export async function createWarningPreset(
  sql: Sql,
  actor: Actor | null,
  input: { title: string; text: string },
): Promise<WarningPresetRow> {
  const mod = requirePermission(actor, "manage_settings");
  const { title, text } = checkInput(input);
  return await sql.begin(async (tx) => {
    const row = await db.insertWarningPreset(tx, title, text);
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "create",
      targetType: "AccountWarningPreset",
      targetId: row.id,
      humanIdentifier: title || text.slice(0, 40),
    });
    return row;
  });
}

export async function updateWarningPreset(
  sql: Sql,
  actor: Actor | null,
  id: string,
  input: { title: string; text: string },
): Promise<void> {
  const mod = requirePermission(actor, "manage_settings");
  const { title, text } = checkInput(input);
  await sql.begin(async (tx) => {
    if (!await db.updateWarningPresetRow(tx, id, title, text)) {
      throw notFound();
    }
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "update",
      targetType: "AccountWarningPreset",
      targetId: id,
      humanIdentifier: title || text.slice(0, 40),
    });
  });
}

export async function deleteWarningPreset(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<void> {
  const mod = requirePermission(actor, "manage_settings");
  await sql.begin(async (tx) => {
    const deleted = await db.deleteWarningPresetRow(tx, id);
    if (deleted === null) throw notFound();
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "destroy",
      targetType: "AccountWarningPreset",
      targetId: id,
      humanIdentifier: deleted,
    });
  });
}
