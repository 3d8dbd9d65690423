/**
 * The dashboard's numbers (`view_dashboard`), as Mastodon's admin API gives them: measures (a
 * count per day over a period, its total, and the previous period's), dimensions (top keys in a
 * period) and retention (what share of each cohort of new users was active later). Unknown
 * keys are left out, as Mastodon does; a key that needs an argument (`tag_uses[id]`) and lacks
 * it is a 422.
 */
import type { Sql } from "../db/client.ts";
import { invalid } from "../domain/errors.ts";
import { type Actor, requirePermission } from "./permissions.ts";
import * as db from "./metrics-db.ts";

const DAY_MS = 24 * 3600 * 1000;
/** Longest period for day-by-day numbers: a year (leap years included). */
const MAX_DAYS = 366;

export const MEASURE_KEYS = [
  "active_users",
  "new_users",
  "interactions",
  "opened_reports",
  "resolved_reports",
  "tag_accounts",
  "tag_uses",
  "tag_servers",
  "instance_accounts",
  "instance_media_attachments",
  "instance_reports",
  "instance_statuses",
  "instance_follows",
  "instance_followers",
] as const;
export type MeasureKey = typeof MEASURE_KEYS[number];

export const DIMENSION_KEYS = [
  "languages",
  "sources",
  "servers",
  "space_usage",
  "software_versions",
  "tag_servers",
  "tag_languages",
  "instance_accounts",
  "instance_languages",
] as const;
export type DimensionKey = typeof DIMENSION_KEYS[number];

export interface Measure {
  key: MeasureKey;
  unit: "bytes" | null;
  total: string;
  /** Absent for the per-server measures, as in Mastodon. */
  previousTotal?: string;
  data: { date: Date; value: string }[];
}

export interface Dimension {
  key: DimensionKey;
  data: {
    key: string;
    humanKey: string;
    value: string;
    unit?: "bytes";
  }[];
}

export interface Cohort {
  period: Date;
  frequency: "day" | "month";
  data: { date: Date; rate: number; value: string }[];
}

/** The argument a key needs (`tag_uses[id]`, `instance_statuses[domain]`), from the request. */
export type KeyArgument = (
  key: string,
  name: "id" | "domain",
) => string | undefined;

/** `start_at`/`end_at` as Mastodon reads them: dates (a time is ignored), the end included. */
export function parsePeriod(
  startAt: string | undefined,
  endAt: string | undefined,
  maxDays = MAX_DAYS,
): db.Period {
  const day = (value: string | undefined, name: string) => {
    const match = value && /^(\d{4}-\d{2}-\d{2})/.exec(value);
    const date = match ? new Date(`${match[1]}T00:00:00Z`) : null;
    if (!date || isNaN(date.getTime())) {
      throw invalid(`${name} must be a date (YYYY-MM-DD)`, name);
    }
    return date;
  };
  const from = day(startAt, "start_at");
  const to = new Date(day(endAt, "end_at").getTime() + DAY_MS);
  if (to <= from) throw invalid("end_at must not be before start_at", "end_at");
  if ((to.getTime() - from.getTime()) / DAY_MS > maxDays) {
    throw invalid(`The period may be at most ${maxDays} days`, "end_at");
  }
  return { from, to };
}

function argument(arg: KeyArgument, key: string, name: "id" | "domain") {
  const value = arg(key, name)?.trim();
  if (!value || (name === "id" && !/^\d{1,19}$/.test(value))) {
    throw invalid(`${key}[${name}] is required`, key);
  }
  return name === "domain" ? value.toLowerCase() : value;
}

function measureSource(
  key: MeasureKey,
  arg: KeyArgument,
): { events: db.EventSource; counting: db.Counting; perServer: boolean } {
  const server = (events: db.EventSource, counting: db.Counting = "count") => ({
    events,
    counting,
    perServer: true,
  });
  const own = (events: db.EventSource, counting: db.Counting = "count") => ({
    events,
    counting,
    perServer: false,
  });
  switch (key) {
    case "active_users":
      return own(db.activeUsers, "distinct");
    case "new_users":
      return own(db.newUsers);
    case "interactions":
      return own(db.interactions);
    case "opened_reports":
      return own(db.openedReports);
    case "resolved_reports":
      return own(db.resolvedReports);
    case "tag_accounts":
      return own(db.tagUses(argument(arg, key, "id"), "account"), "distinct");
    case "tag_uses":
      return own(db.tagUses(argument(arg, key, "id"), "account"));
    case "tag_servers":
      return own(db.tagUses(argument(arg, key, "id"), "server"), "distinct");
    case "instance_accounts":
      return server(db.instanceAccounts(argument(arg, key, "domain")));
    case "instance_media_attachments":
      return server(db.instanceMedia(argument(arg, key, "domain")), "sum");
    case "instance_reports":
      return server(db.instanceReports(argument(arg, key, "domain")));
    case "instance_statuses":
      return server(db.instanceStatuses(argument(arg, key, "domain")));
    case "instance_follows":
      return server(
        db.instanceFollows(argument(arg, key, "domain"), "follows"),
      );
    case "instance_followers":
      return server(
        db.instanceFollows(argument(arg, key, "domain"), "followers"),
      );
  }
}

/** A period as given (`start_at`, `end_at`), read once the caller may see the numbers. */
export type PeriodInput = db.Period | { startAt?: string; endAt?: string };

function periodOf(input: PeriodInput, maxDays?: number): db.Period {
  return "from" in input
    ? input
    : parsePeriod(input.startAt, input.endAt, maxDays);
}

export async function measures(
  sql: Sql,
  actor: Actor | null,
  keys: string[],
  periodInput: PeriodInput,
  arg: KeyArgument,
): Promise<Measure[]> {
  requirePermission(actor, "view_dashboard");
  const period = periodOf(periodInput);
  const wanted = MEASURE_KEYS.filter((k) => keys.includes(k));
  const length = period.to.getTime() - period.from.getTime();
  const previous = {
    from: new Date(period.from.getTime() - length),
    to: period.from,
  };
  const out: Measure[] = [];
  for (const key of wanted) {
    const { events, counting, perServer } = measureSource(key, arg);
    const [total, data, previousTotal] = await Promise.all([
      db.periodTotal(sql, events, counting, period),
      db.dailySeries(sql, events, counting, period),
      perServer ? undefined : db.periodTotal(sql, events, counting, previous),
    ]);
    out.push({
      key,
      unit: counting === "sum" ? "bytes" : null,
      total,
      ...previousTotal === undefined ? {} : { previousTotal },
      data: data.map((d) => ({ date: d.day, value: d.value })),
    });
  }
  return out;
}

const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language" });

function languageName(code: string): string {
  try {
    return code === "und" ? code : LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

export async function dimensions(
  sql: Sql,
  actor: Actor | null,
  keys: string[],
  periodInput: PeriodInput,
  limit: number,
  arg: KeyArgument,
  software: { name: string; version: string },
): Promise<Dimension[]> {
  requirePermission(actor, "view_dashboard");
  const period = periodOf(periodInput);
  const plain = (rows: db.DimensionRow[], human = (k: string) => k) =>
    rows.map((r) => ({ key: r.key, humanKey: human(r.key), value: r.value }));
  const out: Dimension[] = [];
  for (const key of DIMENSION_KEYS.filter((k) => keys.includes(k))) {
    let data: Dimension["data"];
    switch (key) {
      case "languages":
        data = plain(await db.localLanguages(sql, period, limit), languageName);
        break;
      case "sources":
        data = plain(await db.localSources(sql, period, limit));
        break;
      case "servers":
        data = plain(await db.remoteServers(sql, period, limit));
        break;
      case "space_usage": {
        const usage = await db.spaceUsage(sql);
        data = [
          {
            key: "postgresql",
            humanKey: "PostgreSQL",
            value: usage.database,
            unit: "bytes",
          },
          {
            key: "media",
            humanKey: "Media storage",
            value: usage.media,
            unit: "bytes",
          },
        ];
        break;
      }
      case "software_versions": {
        const usage = await db.spaceUsage(sql);
        data = [
          { key: software.name, humanKey: "Starling", value: software.version },
          { key: "deno", humanKey: "Deno", value: Deno.version.deno },
          { key: "postgresql", humanKey: "PostgreSQL", value: usage.version },
        ];
        break;
      }
      case "tag_servers":
      case "tag_languages":
        data = plain(
          await db.tagDimension(
            sql,
            argument(arg, key, "id"),
            key === "tag_servers" ? "server" : "language",
            period,
            limit,
          ),
          key === "tag_languages" ? languageName : undefined,
        );
        break;
      case "instance_accounts":
        data = plain(
          await db.mostFollowedOf(sql, argument(arg, key, "domain"), limit),
        );
        break;
      case "instance_languages":
        data = plain(
          await db.domainLanguages(
            sql,
            argument(arg, key, "domain"),
            period,
            limit,
          ),
          languageName,
        );
        break;
    }
    out.push({ key, data });
  }
  return out;
}

export async function retentionCohorts(
  sql: Sql,
  actor: Actor | null,
  periodInput: PeriodInput,
  frequency: "day" | "month",
): Promise<Cohort[]> {
  requirePermission(actor, "view_dashboard");
  // Mastodon answers `[]` when a parameter is missing.
  if (
    !("from" in periodInput) && (!periodInput.startAt || !periodInput.endAt)
  ) {
    return [];
  }
  const period = periodOf(
    periodInput,
    frequency === "month" ? 3660 : undefined,
  );
  const rows = await db.retention(sql, period, frequency);
  const cohorts = new Map<number, Cohort>();
  for (const row of rows) {
    const key = row.period.getTime();
    let cohort = cohorts.get(key);
    if (!cohort) {
      cohorts.set(key, cohort = { period: row.period, frequency, data: [] });
    }
    cohort.data.push({
      date: row.date,
      rate: row.size ? row.active / row.size : 0,
      value: String(row.active),
    });
  }
  return [...cohorts.values()];
}

/** "46.2 GB" — as Mastodon's `human_value` (binary units, one decimal). */
export function humanBytes(value: string | number): string {
  let n = Number(value);
  const units = ["Bytes", "KB", "MB", "GB", "TB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return i === 0 ? `${n} Bytes` : `${n.toFixed(1)} ${units[i]}`;
}
