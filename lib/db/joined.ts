/**
 * Reading joined rows back as one object per table. `SELECT t.*, u.*, a.*` in one statement
 * saves round trips, but as plain objects the tables' same-named columns (`id`,
 * `created_at`, …) overwrite each other. Read with `.values()` instead and split each row where
 * Postgres says a new table's columns begin (every column carries its table's oid and its
 * attribute number; computed columns carry table 0). A LEFT JOIN that found nothing gives
 * `null` for that table.
 */
import type postgres from "postgres";

interface ColumnInfo {
  name: string;
  table: number;
  number: number;
}

/** Where each table's columns start, in select order. */
function segmentStarts(columns: readonly ColumnInfo[]): number[] {
  const starts: number[] = [];
  columns.forEach((column, i) => {
    const previous = columns[i - 1];
    if (
      !previous || previous.table !== column.table ||
      (column.table !== 0 && column.number <= previous.number)
    ) starts.push(i);
  });
  return starts;
}

type Splitter = (values: unknown[]) => (Record<string, unknown> | null)[];

/**
 * One compiled splitter per result shape (postgres.js keeps one `columns` array per prepared
 * statement): an object literal per segment builds far faster than adding properties one by
 * one, which mattered on every timeline page. Names come from our own schema's columns.
 */
const splitters = new WeakMap<readonly ColumnInfo[], Splitter>();

function compileSplitter(columns: readonly ColumnInfo[]): Splitter {
  const starts = segmentStarts(columns);
  const segments = starts.map((start, s) => {
    const end = starts[s + 1] ?? columns.length;
    const props: string[] = [];
    const present: string[] = [];
    for (let i = start; i < end; i++) {
      props.push(`${JSON.stringify(columns[i].name)}: v[${i}]`);
      present.push(`v[${i}] !== null`);
    }
    const object = `{ ${props.join(", ")} }`;
    return columns[start].table === 0
      ? object
      : `(${present.join(" || ")}) ? ${object} : null`;
  });
  return new Function("v", `return [${segments.join(", ")}];`) as Splitter;
}

/**
 * Splits rows read with `.values()` into one object per table (segment), in select order.
 * Segments whose table-backed columns are all null (an unmatched LEFT JOIN) come back null.
 */
export function splitJoined(
  rows: postgres.RowList<postgres.Row[]> | unknown[][],
): (Record<string, unknown> | null)[][] {
  const columns = (rows as unknown as { columns?: ColumnInfo[] }).columns;
  if (!columns) throw new Error("splitJoined needs rows read with .values()");
  let split = splitters.get(columns);
  if (!split) {
    split = compileSplitter(columns);
    splitters.set(columns, split);
  }
  return (rows as unknown[][]).map(split);
}
