/**
 * The text of an uploaded file. UTF-8 with or without a byte-order mark is the norm; a UTF-16 file
 * (Excel's "Unicode text") is recognised by its mark, or without one by its zero bytes (every
 * other byte of Latin text is 0, which no UTF-8 or GB 18030 text has); a file that is not valid
 * UTF-8 is read as GB 18030, the encoding Excel and WPS use for "CSV" on Chinese Windows.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Whether text contains a NUL: no CSV, JSON or YAML an agenda is written in has one. */
export const hasNul = (text: string): boolean => text.includes('\u0000');

/**
 * UTF-16 without a byte-order mark, told by where the zero bytes are in the first 512 bytes: at
 * odd offsets in little-endian Latin text, at even ones in big-endian. Null for anything else.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 1) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even += 1;
    else odd += 1;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even === 0) return 'utf-16le';
  if (even >= pairs * 0.3 && odd === 0) return 'utf-16be';
  return null;
}
