/**
 * Fast decoding of UTF-8 chunks. A streaming `TextDecoder` (what a chunked read needs, as a
 * character may be cut between chunks) is several times slower than decoding whole bytes at once,
 * so each chunk's whole characters are decoded at once and the bytes of a character cut at its
 * end are carried to the next chunk.
 */

/** The length of `bytes` up to the last character cut at its end (all of it when none is cut). */
export function wholeCharactersLength(bytes: Uint8Array): number {
  const n = bytes.length;
  // A character has at most 4 bytes: look at the last 3 for the lead byte of an unfinished one.
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back]!;
    if (byte < 0x80) return n; // ASCII: nothing cut
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back >= need ? n : n - back;
    }
    // a continuation byte: keep looking for its lead
  }
  return n;
}

/** Decodes chunk after chunk (see the module comment); `undefined` asks the caller to decode with care. */
export class ChunkDecoder {
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  private carried: Uint8Array | undefined;

  /**
   * The text of the chunk's whole characters (with the bytes carried from the last chunk), or
   * undefined when it holds a U+FFFD (an invalid byte, or that character itself): the caller then
   * takes {@link rest} and decodes it (and what follows) with a strict streaming decoder.
   */
  decode(chunk: Uint8Array): string | undefined {
    let bytes = chunk;
    if (this.carried !== undefined) {
      bytes = new Uint8Array(this.carried.length + chunk.length);
      bytes.set(this.carried);
      bytes.set(chunk, this.carried.length);
    }
    const whole = wholeCharactersLength(bytes);
    const text = this.decoder.decode(whole === bytes.length ? bytes : bytes.subarray(0, whole));
    if (text.includes("\uFFFD")) {
      this.carried = bytes;
      return undefined;
    }
    this.carried = whole === bytes.length ? undefined : bytes.slice(whole);
    return text;
  }

  /** The bytes not yet decoded (after {@link decode} gave undefined, or at the end of the input). */
  rest(): Uint8Array {
    const r = this.carried ?? new Uint8Array(0);
    this.carried = undefined;
    return r;
  }
}
