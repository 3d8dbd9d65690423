// Ignored by the manifest generator.
export const ignored = true;
