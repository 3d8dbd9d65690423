/**
 * Collected figures of one run, written as a Markdown section of bench/RESULTS.md (one section
 * per mode, replaced in place, so a quick run doesn't erase the full run's figures).
 */
import { type LatencySummary } from "./stats.ts";

export interface ResultRow {
  scenario: string;
  size: string;
  /** What was measured, e.g. "p99 latency". */
  metric: string;
  figure: string;
  floor: string;
  ratio: string;
  target: string;
  /** "pass", "FAIL", "–" or a reason the figure is missing. */
  verdict: string;
}

/** A latency point for the chart: one series per name, x = statuses, y = p99 ms. */
export interface ChartPoint {
  series: string;
  statuses: number;
  p99: number;
}

export class Results {
  rows: ResultRow[] = [];
  points: ChartPoint[] = [];
  notes: string[] = [];

  add(row: ResultRow): void {
    this.rows.push(row);
    console.log(
      `  ${row.scenario} [${row.size}] ${row.metric}: ${row.figure} | floor ${row.floor} | ` +
        `ratio ${row.ratio} | target ${row.target} | ${row.verdict}`,
    );
  }

  point(series: string, statuses: number, summary: LatencySummary): void {
    if (summary.count > 0) {
      this.points.push({ series, statuses, p99: summary.p99 });
    }
  }

  note(line: string): void {
    this.notes.push(line);
    console.log(`  note: ${line}`);
  }
}

export function verdict(ok: boolean): string {
  return ok ? "pass" : "FAIL";
}

export interface RunInfo {
  mode: string;
  command: string;
  date: string;
  seconds: number;
  machine: string;
  chartFile?: string;
}

export function renderSection(results: Results, info: RunInfo): string {
  const lines = [
    `<!-- mode:${info.mode} -->`,
    `## ${info.mode} run`,
    "",
    `- Command: \`${info.command}\``,
    `- Date: ${info.date} (took ${Math.round(info.seconds)} s)`,
    `- Machine: ${info.machine}`,
    "",
    "| scenario | size | metric | figure | floor | ratio | target | verdict |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...results.rows.map((r) =>
      `| ${r.scenario} | ${r.size} | ${r.metric} | ${r.figure} | ${r.floor} | ${r.ratio} | ` +
      `${r.target} | ${r.verdict} |`
    ),
    "",
  ];
  if (info.chartFile) {
    lines.push(`![p99 latency against data size](${info.chartFile})`, "");
  }
  if (results.notes.length) {
    lines.push(
      "Notes:",
      "",
      ...results.notes.map((n) => `- ${n}`),
      "",
    );
  }
  lines.push(`<!-- /mode:${info.mode} -->`);
  return lines.join("\n");
}

const HEADER = `# Benchmark results

Produced by \`deno task bench\` (see bench/README.md). Every figure is measured against a floor
taken in the same run on the same machine (2 shared, noisy cores), and the ratio is what the
targets are about. Sections are replaced by the next run of the same mode.
`;

/** Replaces (or appends) this mode's section in the results file. */
export async function writeSection(
  path: string,
  mode: string,
  section: string,
): Promise<void> {
  let text = HEADER;
  try {
    text = await Deno.readTextFile(path);
  } catch { /* first run */ }
  const pattern = new RegExp(
    `<!-- mode:${mode} -->[\\s\\S]*?<!-- /mode:${mode} -->`,
  );
  text = pattern.test(text)
    ? text.replace(pattern, section)
    : `${text.trimEnd()}\n\n${section}\n`;
  await Deno.writeTextFile(path, text);
}
