/**
 * Text is compared as Unicode NFC everywhere: Vietnamese typed in decomposed form
 * (`không` as o + combining marks, as some keyboards and macOS produce it) is the same
 * text as its composed form. Normalising is idempotent, so every layer may do it.
 */
export function nfc(s: string): string {
  // Below U+0300 nothing composes or decomposes: plain ASCII and Latin-1 skip the work.
  return /[^\u0000-\u02ff]/.test(s) ? s.normalize("NFC") : s;
}
