/**
 * Reads a ZIP file kept in media storage without loading it: the central directory (at the
 * end; ZIP64 too, as Mastodon writes big archives) gives every entry's exact place and size, and
 * an entry is then streamed by a ranged read, inflated on the way (`deflate-raw`). Unlike a
 * front-to-back scan (fflate's `Unzip`), nothing depends on guessing where an entry written
 * with a data descriptor ends, and entries can be read in any order, or not at all: the dry
 * run reads `outbox.json` and never the media.
 */
import type { MediaStorage } from "../media/storage.ts";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record (22 bytes) follows a comment of at most 65,535 bytes. */
const TAIL_BYTES = 22 + 65535;
/** A directory bigger than this is not an archive we take (about 400,000 entries). */
const MAX_DIRECTORY_BYTES = 32 * 1048576;

async function readRange(
  storage: MediaStorage,
  key: string,
  start: number,
  end: number,
): Promise<Uint8Array> {
  const stored = await storage.getStream(key, { start, end });
  if (!stored) throw new ZipFormatError("the archive is gone");
  return new Uint8Array(await new Response(stored.body).arrayBuffer());
}

function u64(view: DataView, at: number): number {
  return Number(view.getBigUint64(at, true));
}

/** The entries of the ZIP under `key`. */
export async function readZipEntries(
  storage: MediaStorage,
  key: string,
  size: number,
): Promise<ZipEntry[]> {
  if (size < 22) throw new ZipFormatError("not a ZIP file");
  const tailStart = Math.max(0, size - TAIL_BYTES);
  const tail = await readRange(storage, key, tailStart, size - 1);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let at = tail.length - 22;
  while (at >= 0 && view.getUint32(at, true) !== EOCD) at--;
  if (at < 0) throw new ZipFormatError("not a ZIP file");
  let count = view.getUint16(at + 10, true);
  let directorySize = view.getUint32(at + 12, true);
  let directoryOffset = view.getUint32(at + 16, true);
  if (
    count === 0xffff || directorySize === 0xffffffff ||
    directoryOffset === 0xffffffff
  ) {
    const locator = at - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) {
      throw new ZipFormatError("a ZIP64 archive without its locator");
    }
    const recordAt = u64(view, locator + 8);
    const record = await readRange(storage, key, recordAt, recordAt + 55);
    const rv = new DataView(record.buffer, record.byteOffset, 56);
    if (rv.getUint32(0, true) !== ZIP64_EOCD) {
      throw new ZipFormatError("a broken ZIP64 end record");
    }
    count = u64(rv, 32);
    directorySize = u64(rv, 40);
    directoryOffset = u64(rv, 48);
  }
  if (
    directorySize > MAX_DIRECTORY_BYTES ||
    directoryOffset + directorySize > size
  ) {
    throw new ZipFormatError("the archive's directory is out of bounds");
  }
  const directory = await readRange(
    storage,
    key,
    directoryOffset,
    directoryOffset + directorySize - 1,
  );
  return parseDirectory(directory, count);
}

function parseDirectory(bytes: Uint8Array, count: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) {
      throw new ZipFormatError("a broken directory entry");
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    // ZIP64: the fields that overflowed are in the 0x0001 extra field, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 1) {
        let field = extra + 4;
        for (const name of ["size", "compressedSize", "offset"] as const) {
          if (entry[name] === 0xffffffff && field + 8 <= extra + 4 + length) {
            entry[name] = u64(view, field);
            field += 8;
          }
        }
      }
      extra += 4 + length;
    }
    entries.push(entry);
    at = extraEnd + commentLength;
  }
  return entries;
}

/** An entry's uncompressed bytes, as a stream. */
export async function openZipEntry(
  storage: MediaStorage,
  key: string,
  entry: ZipEntry,
): Promise<ReadableStream<Uint8Array>> {
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipFormatError(`${entry.name}: unsupported compression`);
  }
  const header = await readRange(storage, key, entry.offset, entry.offset + 29);
  const view = new DataView(header.buffer, header.byteOffset, 30);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL_HEADER) {
    throw new ZipFormatError(`${entry.name}: a broken entry`);
  }
  const start = entry.offset + 30 + view.getUint16(26, true) +
    view.getUint16(28, true);
  if (entry.compressedSize === 0) return new Response("").body!;
  const stored = await storage.getStream(key, {
    start,
    end: start + entry.compressedSize - 1,
  });
  if (!stored) throw new ZipFormatError("the archive is gone");
  return entry.method === 8
    ? stored.body.pipeThrough(
      new DecompressionStream("deflate-raw") as unknown as TransformStream<
        Uint8Array,
        Uint8Array
      >,
    )
    : stored.body;
}

/**
 * An entry's bytes, refusing more than `limit` as they are inflated: the sizes in the
 * directory are the archive's word, not a guarantee (a ZIP bomb lies about them).
 */
export async function readZipEntry(
  storage: MediaStorage,
  key: string,
  entry: ZipEntry,
  limit: number,
): Promise<Uint8Array> {
  if (entry.size > limit) {
    throw new ZipFormatError(`${entry.name} is too large`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of await openZipEntry(storage, key, entry)) {
    size += chunk.length;
    if (size > limit) throw new ZipFormatError(`${entry.name} is too large`);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
