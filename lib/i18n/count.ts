/**
 * Counted nouns for catalogues, one way for every count: `count(3, "post", "posts")` →
 * `3 posts`, the number formatted for the catalogue's language (`1.234 Beiträge` in German).
 * One and other are the only forms English and German need.
 */
export function counter(locale: string) {
  const number = new Intl.NumberFormat(locale);
  const format = (n: number) => number.format(n);
  const count = (n: number, one: string, other: string) =>
    `${format(n)} ${n === 1 ? one : other}`;
  return { count, format };
}
