/**
 * Changing a response's headers on the way out. Most responses' headers are mutable; a fetched
 * `Response` (a proxied one, Fedify's) has immutable headers and is copied instead.
 */
export function withHeaders(
  response: Response,
  change: (headers: Headers) => void,
): Response {
  try {
    change(response.headers);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    change(copy.headers);
    return copy;
  }
}

/** Adds `name` to the response's `Vary` unless it is there already. */
export function addVary(headers: Headers, name: string) {
  const vary = headers.get("vary");
  if (!vary?.toLowerCase().includes(name.toLowerCase())) {
    headers.set("vary", vary ? `${vary}, ${name}` : name);
  }
}
