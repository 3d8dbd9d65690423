/**
 * A small typed validator for job payloads: a job's payload is read back from the database,
 * possibly by a newer or older version of Starling, so each kind checks its shape before its
 * handler trusts it. `parse` throws `PayloadError` naming the first field that is wrong.
 */
export class PayloadError extends Error {}

export type Schema<T> = (value: unknown, path?: string) => T;

export const string: Schema<string> = (value, path = "payload") => {
  if (typeof value !== "string") {
    throw new PayloadError(`${path}: not a string`);
  }
  return value;
};

export const number: Schema<number> = (value, path = "payload") => {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new PayloadError(`${path}: not a number`);
  }
  return value;
};

export const boolean: Schema<boolean> = (value, path = "payload") => {
  if (typeof value !== "boolean") {
    throw new PayloadError(`${path}: not a boolean`);
  }
  return value;
};

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, path) => value == null ? null : schema(value, path);
}

export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return (value, path) => value === undefined ? undefined : schema(value, path);
}

export function array<T>(schema: Schema<T>): Schema<T[]> {
  return (value, path = "payload") => {
    if (!Array.isArray(value)) throw new PayloadError(`${path}: not an array`);
    return value.map((v, i) => schema(v, `${path}[${i}]`));
  };
}

export function literal<const T extends string>(
  ...values: T[]
): Schema<T> {
  return (value, path = "payload") => {
    if (!values.includes(value as T)) {
      throw new PayloadError(`${path}: not one of ${values.join(", ")}`);
    }
    return value as T;
  };
}

/** An object with (at least) these fields; other fields are kept as they are. */
export function object<T extends Record<string, unknown>>(
  fields: { [K in keyof T]: Schema<T[K]> },
): Schema<T> {
  return (value, path = "payload") => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new PayloadError(`${path}: not an object`);
    }
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = { ...record };
    for (const key of Object.keys(fields)) {
      out[key] = fields[key](record[key], `${path}.${key}`);
    }
    return out as T;
  };
}
