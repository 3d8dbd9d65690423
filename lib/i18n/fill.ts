/**
 * Fills `{name}` placeholders in a catalogue string. Its own module, free of the catalogues, so
 * an island can import it without bundling every language.
 */
export function fill(
  template: string,
  values: Record<string, string | number>,
): string {
  return template.replace(
    /\{(\w+)\}/g,
    (whole, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
