import type { BenchOptions, Dataset } from "../lib/context.ts";
export async function pages(
  _options: BenchOptions,
  _data: Dataset,
): Promise<void> {}
