/** Request parameters shared by status create and edit. */
import type { Params } from "./params.ts";
import type { PollInput } from "../domain/status-input.ts";

/** `poll[options][]`, `poll[expires_in]`, `poll[multiple]`, `poll[hide_totals]`, or null. */
export function pollInput(params: Params): PollInput | null {
  const options = params.array("poll", "options");
  if (options.length === 0) return null;
  return {
    options,
    expiresIn: params.integer("poll", "expires_in"),
    multiple: params.boolean("poll", "multiple") ?? false,
    hideTotals: params.boolean("poll", "hide_totals") ?? false,
  };
}
