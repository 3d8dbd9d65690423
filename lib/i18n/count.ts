/**
 * Counted nouns for catalogues, one way for every count: `count(3, "post", "posts")` →
 * `3 posts`, the number formatted for the catalogue's language (`1.234 Beiträge` in German).
 * One and other are the only forms English and German need.
 */
export function counter(locale: string) {
  const format = (n: number) => formatNumber(n, locale);
  const count = (n: number, one: string, other: string) =>
    `${format(n)} ${n === 1 ? one : other}`;
  return { count, format };
}

// One formatter per locale for every count: `toLocaleString` builds a new one per call
// (measurable on a timeline page, which shows dozens of counts).
const formats = new Map<string, Intl.NumberFormat>();

/** A number in a language's digits and separators (`1,234` / `1.234`). Safe for islands. */
export function formatNumber(n: number, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    formats.set(locale, format);
  }
  return format.format(n);
}
