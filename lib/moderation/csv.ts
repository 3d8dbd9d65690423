/** Writing CSV (Mastodon's exports: domain blocks, severed relationships). */

/** One CSV field, quoted when it must be. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
