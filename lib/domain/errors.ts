/**
 * Refusals from the rules. Routes translate them: the API into `{"error": …}` with the status
 * below, the web UI into a form message, the inbox into a 4xx for the peer.
 */
export type DomainErrorKind =
  | "validation" // 422: the input breaks a rule
  | "not_found" // 404: missing *or not visible to this viewer* — the two look the same
  | "forbidden" // 403: visible, but this viewer may not do that
  | "conflict" // 409: e.g. a username that is already taken, in forms that distinguish it
  | "unauthorized" // 401: bad credentials
  | "gone"; // 410

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what = "Record not found") =>
  new DomainError("not_found", what);
export const invalid = (message: string, field?: string) =>
  new DomainError("validation", message, field);
export const forbidden = (message = "This action is not allowed") =>
  new DomainError("forbidden", message);

export const httpStatusOf: Record<DomainErrorKind, number> = {
  validation: 422,
  not_found: 404,
  forbidden: 403,
  conflict: 422,
  unauthorized: 401,
  gone: 410,
};
