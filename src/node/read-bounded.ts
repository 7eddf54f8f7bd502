/**
 * Bounded file reading shared by every loader (frameworks, evidence, surveys).
 *
 * Two rules hold for every file the library reads:
 * - only regular files are read: a device (`/dev/zero`, `/dev/urandom`), a FIFO, a
 *   socket or a directory is refused before any byte is read (a FIFO is opened
 *   non-blocking so the check itself cannot hang);
 * - the byte limit is enforced while reading, by counting what was read, never by
 *   trusting `stat` (a file can grow, and `/proc` files report size 0).
 *
 * Nothing here throws for a file problem: the sync reader returns a tagged result,
 * and the streaming reader throws only {@link BoundedReadError} from its iterator
 * (which callers turn into a diagnostic).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";

/** Why a file was not read. */
export type BoundedReadFailure =
  | { readonly ok: false; readonly reason: "not-found"; readonly detail: string }
  | { readonly ok: false; readonly reason: "not-a-file"; readonly detail: string }
  | { readonly ok: false; readonly reason: "too-large"; readonly detail: string; readonly limit: number }
  | { readonly ok: false; readonly reason: "unreadable"; readonly detail: string };

export type BoundedReadResult = { readonly ok: true; readonly bytes: Uint8Array; readonly text: string } | BoundedReadFailure;

/** Thrown by the iterator of {@link openBounded} when the file exceeds its limit or cannot be read. */
export class BoundedReadError extends Error {
  readonly failure: BoundedReadFailure;
  constructor(failure: BoundedReadFailure) {
    super(failure.detail);
    this.name = "BoundedReadError";
    this.failure = failure;
  }
}

// O_NONBLOCK: opening a FIFO without a writer would otherwise block forever.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A short description of what a non-regular file is, for the message. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isFIFO()) return "a pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

function failureOf(error: unknown): BoundedReadFailure {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === "ENOENT") return { ok: false, reason: "not-found", detail: "no such file" };
  if (e?.code === "EISDIR") return { ok: false, reason: "not-a-file", detail: "a folder" };
  return { ok: false, reason: "unreadable", detail: e?.code ?? (error instanceof Error ? error.message : String(error)) };
}

function tooLarge(limit: number): BoundedReadFailure {
  return { ok: false, reason: "too-large", detail: `larger than ${limit} bytes`, limit };
}

/** Decodes UTF-8, dropping a leading byte-order mark. */
export function decodeUtf8(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder("utf-8").decode(start === 0 ? bytes : bytes.subarray(start));
}

/**
 * Reads a whole regular file of at most `maxBytes` bytes, synchronously.
 * Returns the bytes and their UTF-8 text (byte-order mark removed).
 */
export function readFileBoundedSync(path: string, maxBytes: number): BoundedReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return failureOf(error);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: "not-a-file", detail: kindOf(st) };
    const chunks: Uint8Array[] = [];
    let total = 0;
    const chunkSize = 1 << 16;
    for (;;) {
      // Never ask for more than one byte past the limit.
      const want = Math.min(chunkSize, maxBytes + 1 - total);
      const buf = new Uint8Array(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return tooLarge(maxBytes);
      chunks.push(n === want ? buf : buf.subarray(0, n));
    }
    const bytes = concat(chunks, total);
    return { ok: true, bytes, text: decodeUtf8(bytes) };
  } catch (error) {
    return failureOf(error);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing more to do
    }
  }
}

/** An opened regular file whose chunks are counted against a limit. */
export interface BoundedFile {
  readonly ok: true;
  /** Size from `stat` at open time: only for progress display, never for the limit. */
  readonly size: number;
  /** The file's chunks; throws {@link BoundedReadError} once more than the limit has been read. Closes the file when done. */
  readonly chunks: AsyncIterable<Uint8Array>;
}

/**
 * Opens a regular file for streaming with a byte limit counted while reading.
 * A missing file, a non-regular file or an open error is returned as a failure.
 */
export async function openBounded(path: string, maxBytes: number, chunkSize = 1 << 20): Promise<BoundedFile | BoundedReadFailure> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return failureOf(error);
  }
  let size: number;
  try {
    const st = await handle.stat();
    if (!st.isFile()) {
      await handle.close().catch(() => undefined);
      return { ok: false, reason: "not-a-file", detail: kindOf(st) };
    }
    size = st.size;
  } catch (error) {
    await handle.close().catch(() => undefined);
    return failureOf(error);
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let total = 0;
    try {
      for (;;) {
        const want = Math.min(chunkSize, maxBytes + 1 - total);
        const buf = new Uint8Array(want);
        let n: number;
        try {
          n = (await handle.read(buf, 0, want, null)).bytesRead;
        } catch (error) {
          throw new BoundedReadError(failureOf(error));
        }
        if (n === 0) return;
        total += n;
        if (total > maxBytes) throw new BoundedReadError(tooLarge(maxBytes));
        yield n === want ? buf : buf.subarray(0, n);
      }
    } finally {
      await handle.close().catch(() => undefined);
    }
  }
  return { ok: true, size, chunks: chunks() };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
