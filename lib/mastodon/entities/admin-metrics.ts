/** Admin::Measure, Admin::Dimension and Admin::Cohort (Mastodon 4.5's documented shapes). */
import {
  type Cohort,
  type Dimension,
  humanBytes,
  type Measure,
} from "../../moderation/mod.ts";

export interface AdminMeasure {
  key: string;
  unit: string | null;
  total: string;
  human_value?: string;
  previous_total?: string;
  data: { date: string; value: string }[];
}

export interface AdminDimension {
  key: string;
  data: {
    key: string;
    human_key: string;
    value: string;
    unit?: string;
    human_value?: string;
  }[];
}

export interface AdminCohort {
  period: string;
  frequency: "day" | "month";
  data: { date: string; rate: number; value: string }[];
}

export function renderAdminMeasure(m: Measure): AdminMeasure {
  return {
    key: m.key,
    unit: m.unit,
    total: m.total,
    ...m.unit === "bytes" ? { human_value: humanBytes(m.total) } : {},
    ...m.previousTotal === undefined ? {} : { previous_total: m.previousTotal },
    data: m.data.map((d) => ({ date: d.date.toISOString(), value: d.value })),
  };
}

export function renderAdminDimension(d: Dimension): AdminDimension {
  return {
    key: d.key,
    data: d.data.map((row) => ({
      key: row.key,
      human_key: row.humanKey,
      value: row.value,
      ...row.unit
        ? { unit: row.unit, human_value: humanBytes(row.value) }
        : d.key === "software_versions"
        ? { human_value: row.value }
        : {},
    })),
  };
}

export function renderAdminCohort(c: Cohort): AdminCohort {
  return {
    period: c.period.toISOString(),
    frequency: c.frequency,
    data: c.data.map((d) => ({
      date: d.date.toISOString(),
      rate: d.rate,
      value: d.value,
    })),
  };
}
