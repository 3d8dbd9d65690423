/**
 * Terms of service (Mastodon 4.4): every published version is kept with the date it takes
 * effect; the one in force is the latest whose date has come (before any has, the first
 * upcoming one, so a new server can show its terms at once). Published by `manage_settings`.
 */
import type { Queryable, Sql } from "../db/client.ts";
import { invalid } from "../domain/errors.ts";
import {
  type Actor,
  recordAction,
  requirePermission,
} from "../moderation/mod.ts";

export interface TermsRow {
  id: string;
  text: string;
  /** `YYYY-MM-DD`. */
  effective_date: string;
  published_at: Date;
}

export interface TermsVersion extends TermsRow {
  effective: boolean;
  /** The next version's date, if there is one. */
  succeeded_by: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function allVersions(db: Queryable): Promise<TermsRow[]> {
  return [
    ...await db<TermsRow[]>`
    SELECT id, text, to_char(effective_date, 'YYYY-MM-DD') AS effective_date, published_at
    FROM terms_of_service ORDER BY effective_date`,
  ];
}

function describe(rows: TermsRow[], index: number): TermsVersion {
  const row = rows[index];
  const now = today();
  const inForce = rows.findLast((r) => r.effective_date <= now) ?? null;
  return {
    ...row,
    effective: inForce?.id === row.id,
    succeeded_by: rows[index + 1]?.effective_date ?? null,
  };
}

/** The version in force (or the first upcoming one); null when none was ever published. */
export async function currentTerms(
  db: Queryable,
): Promise<TermsVersion | null> {
  const rows = await allVersions(db);
  if (rows.length === 0) return null;
  const now = today();
  const index = rows.findLastIndex((r) => r.effective_date <= now);
  return describe(rows, index >= 0 ? index : 0);
}

/** The version that takes effect on `date` exactly; null when there is none. */
export async function termsOfDate(
  db: Queryable,
  date: string,
): Promise<TermsVersion | null> {
  if (!DATE.test(date)) return null;
  const rows = await allVersions(db);
  const index = rows.findIndex((r) => r.effective_date === date);
  return index >= 0 ? describe(rows, index) : null;
}

/** Every version, newest first (the admin page's history). */
export async function termsHistory(db: Queryable): Promise<TermsVersion[]> {
  const rows = await allVersions(db);
  return rows.map((_, i) => describe(rows, i)).reverse();
}

/**
 * Publishes a version taking effect on `effectiveDate`. A version already published for that
 * date gets the new text (a correction), one that is already in force can't be changed.
 */
export async function publishTerms(
  sql: Sql,
  actor: Actor | null,
  input: { text: string; effectiveDate: string },
): Promise<TermsRow> {
  const mod = requirePermission(actor, "manage_settings");
  const text = input.text.trim();
  const date = input.effectiveDate.trim();
  if (!text) throw invalid("Text can't be blank", "text");
  if (!DATE.test(date) || Number.isNaN(Date.parse(date))) {
    throw invalid("Effective date is not a date", "effective_date");
  }
  return await sql.begin(async (tx) => {
    if ((await termsOfDate(tx, date)) && date < today()) {
      throw invalid(
        "Terms already in force can't be changed",
        "effective_date",
      );
    }
    const [row] = await tx<TermsRow[]>`
      INSERT INTO terms_of_service (text, effective_date) VALUES (${text}, ${date})
      ON CONFLICT (effective_date) DO UPDATE
        SET text = excluded.text, published_at = now()
      RETURNING id, text, to_char(effective_date, 'YYYY-MM-DD') AS effective_date,
                published_at`;
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "create",
      targetType: "TermsOfService",
      targetId: String(row.id),
      humanIdentifier: row.effective_date,
    });
    return row;
  });
}
