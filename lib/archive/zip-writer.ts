/**
 * fflate's streaming `Zip` as a byte stream with backpressure: entries are pushed chunk by
 * chunk, and every push waits until the consumer (the storage upload) has room, so what is
 * held at once is one chunk's output, not the archive.
 */
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

export class ZipStreamWriter {
  readonly readable: ReadableStream<Uint8Array>;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #zip: Zip;
  #failure: unknown = null;
  readonly #encoder = new TextEncoder();

  constructor() {
    const pipe = new TransformStream<Uint8Array, Uint8Array>(
      {},
      { highWaterMark: 16 },
      { highWaterMark: 16 },
    );
    this.readable = pipe.readable;
    this.#writer = pipe.writable.getWriter();
    this.#zip = new Zip((error, chunk, final) => {
      if (error) {
        this.#failure = error;
        this.#writer.abort(error).catch(() => {});
        return;
      }
      this.#writer.write(chunk).catch((e) => this.#failure ??= e);
      if (final) this.#writer.close().catch((e) => this.#failure ??= e);
    });
  }

  async #ready(): Promise<void> {
    if (this.#failure) throw this.#failure;
    await this.#writer.ready;
  }

  /** A deflated entry (text) written piece by piece: `write` each, then `end`. */
  textEntry(name: string) {
    const file = new ZipDeflate(name, { level: 6 });
    this.#zip.add(file);
    return {
      write: async (text: string) => {
        file.push(this.#encoder.encode(text), false);
        await this.#ready();
      },
      end: async () => {
        file.push(new Uint8Array(0), true);
        await this.#ready();
      },
    };
  }

  /** A stored entry (media are compressed already) copied from `body`. */
  async streamEntry(name: string, body: ReadableStream<Uint8Array>) {
    const file = new ZipPassThrough(name);
    this.#zip.add(file);
    for await (const chunk of body) {
      file.push(chunk, false);
      await this.#ready();
    }
    file.push(new Uint8Array(0), true);
    await this.#ready();
  }

  async end(): Promise<void> {
    this.#zip.end();
    await this.#ready();
  }

  /** Stops the stream with `error` (the upload reading it fails and cleans up). */
  abort(error: unknown): void {
    this.#zip.terminate();
    this.#writer.abort(error).catch(() => {});
  }
}
