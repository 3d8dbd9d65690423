/**
 * Caps request bodies before anything parses them or fetches a key: an inbox delivery over 1 MB
 * gets a 413 at once, whether it announces its size (`Content-Length`) or streams it.
 */
export const INBOX_BODY_LIMIT = 1024 * 1024;

export function isInboxPath(pathname: string): boolean {
  return pathname === "/inbox" || /^\/users\/[^/]+\/inbox$/.test(pathname);
}

/**
 * Returns the request with its body read into memory when it fits under `limit`, or a 413
 * response when it doesn't.
 */
export async function limitBody(
  req: Request,
  limit: number,
): Promise<Request | Response> {
  const tooLarge = () =>
    Response.json({ error: "Request body too large" }, { status: 413 });
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await req.body?.cancel();
    return tooLarge();
  }
  if (!req.body) return req;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body,
  });
}
