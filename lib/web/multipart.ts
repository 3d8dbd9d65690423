/**
 * A `multipart/form-data` body read part by part as it arrives, for uploads too big to hold
 * (`Request.formData()` keeps every file in memory): each part's body is a stream, and the
 * next part is read only once the caller has read (or cancelled) the one before. Fields that
 * come before a file (a form's hidden inputs do) can be checked before the file is stored.
 */

export interface MultipartPart {
  name: string;
  filename: string | null;
  body: ReadableStream<Uint8Array>;
}

export class MultipartError extends Error {}

const CRLF = new Uint8Array([13, 10]);
const MAX_HEADER_BYTES = 16 * 1024;

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** The boundary of a `multipart/form-data` content type, or null for any other type. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType?.toLowerCase().startsWith("multipart/form-data")) {
    return null;
  }
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

class Buffered {
  buffer = new Uint8Array(0);
  done = false;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  constructor(body: ReadableStream<Uint8Array>) {
    this.#reader = body.getReader();
  }
  /** Reads one more chunk; false at the end of the body. */
  async fill(): Promise<boolean> {
    if (this.done) return false;
    const { value, done } = await this.#reader.read();
    if (done) {
      this.done = true;
      return false;
    }
    const joined = new Uint8Array(this.buffer.length + value.length);
    joined.set(this.buffer);
    joined.set(value, this.buffer.length);
    this.buffer = joined;
    return true;
  }
  consume(n: number): Uint8Array {
    const taken = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return taken;
  }
  cancel() {
    return this.#reader.cancel().catch(() => {});
  }
}

/** The parts of `body`, in order. */
export async function* multipartParts(
  body: ReadableStream<Uint8Array>,
  boundary: string,
): AsyncGenerator<MultipartPart> {
  const encoder = new TextEncoder();
  const first = encoder.encode(`--${boundary}`);
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  const input = new Buffered(body);
  try {
    while (indexOf(input.buffer, first) !== 0) {
      if (input.buffer.length >= first.length || !await input.fill()) {
        throw new MultipartError("not a multipart body");
      }
    }
    input.consume(first.length);
    while (true) {
      while (input.buffer.length < 2) {
        if (!await input.fill()) throw new MultipartError("cut short");
      }
      const after = input.consume(2);
      if (after[0] === 45 && after[1] === 45) return; // "--": the last part ended
      if (after[0] !== CRLF[0] || after[1] !== CRLF[1]) {
        throw new MultipartError("a broken delimiter");
      }
      let end: number;
      while ((end = indexOf(input.buffer, encoder.encode("\r\n\r\n"))) < 0) {
        if (input.buffer.length > MAX_HEADER_BYTES || !await input.fill()) {
          throw new MultipartError("broken part headers");
        }
      }
      const headers = new TextDecoder().decode(input.consume(end + 4));
      const disposition =
        /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ??
          "";
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? "";
      const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
      const finished = Promise.withResolvers<void>();
      // Awaited below only if the caller asks for the next part: never an unhandled rejection.
      finished.promise.catch(() => {});
      const part = new ReadableStream<Uint8Array>({
        async pull(controller) {
          while (true) {
            const at = indexOf(input.buffer, delimiter);
            if (at >= 0) {
              if (at > 0) controller.enqueue(input.consume(at).slice());
              input.consume(delimiter.length);
              controller.close();
              finished.resolve();
              return;
            }
            // Everything but a tail that could be the start of the delimiter is body.
            const safe = input.buffer.length - (delimiter.length - 1);
            if (safe > 0) {
              controller.enqueue(input.consume(safe).slice());
              return;
            }
            if (!await input.fill()) {
              const error = new MultipartError("cut short");
              controller.error(error);
              finished.reject(error);
              return;
            }
          }
        },
        cancel() {
          finished.reject(new MultipartError("a part was not read"));
        },
      });
      yield { name, filename, body: part };
      await finished.promise;
    }
  } finally {
    await input.cancel();
  }
}

/** A small text part's value (a form field), refusing one over `limit` bytes. */
export async function partText(
  part: MultipartPart,
  limit = 64 * 1024,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of part.body) {
    size += chunk.length;
    if (size > limit) throw new MultipartError(`${part.name}: too long`);
    chunks.push(chunk);
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).bytes());
}
