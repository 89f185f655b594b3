// Bytes to text: strict UTF-8, so a file saved in Latin-1 or UTF-16 is reported where it first goes
// wrong instead of being silently garbled.

import type { Position } from './problem.js';

export type DecodeResult = { ok: true; text: string } | { ok: false; at: Position; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, at: { line: 1, column: 1 }, message: 'the file is UTF-16 encoded; save it as UTF-8' };
  }
  try {
    // The decoder drops a leading UTF-8 byte-order mark (ignoreBOM: false).
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const lines = prefix.split('\n');
    const last = lines[lines.length - 1] ?? '';
    // Columns count UTF-16 code units, as the YAML positions and editors do (an emoji counts 2).
    const byte = bytes[offset] ?? 0;
    return {
      ok: false,
      at: { line: lines.length, column: last.length + 1 },
      message: `the file is not valid UTF-8 (byte 0x${byte.toString(16).padStart(2, '0')}); save it as UTF-8`,
    };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let codePoint = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (c & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
