import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The charset the bytes were decoded from, lower case (`utf-8`, `windows-1252`, …). */
  charset: string;
  /** How sure the guess is, 0–100; 100 when the bytes announced it (BOM) or are valid UTF-8. */
  confidence: number;
}

/** Reused: a fatal decoder is stateless between calls, and creating one per document costs. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Bytes that never occur in text in any charset we read (C0 controls other than white space). */
function isControlByte(byte: number): boolean {
  return (
    byte <= 0x08 ||
    (byte >= 0x0e && byte <= 0x1a) ||
    (byte >= 0x1c && byte <= 0x1f) ||
    byte === 0x7f
  );
}

/**
 * True when the bytes are binary rather than text in some charset. A NUL byte settles it (outside
 * UTF-16); otherwise more than 1 % control characters does: random bytes have about 10 %, text
 * (even latin1 or a log with ANSI escapes, ESC being allowed) has none.
 */
export function looksBinary(sample: Uint8Array): boolean {
  if (utf16Bom(sample)) return false;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (isControlByte(byte)) controls++;
  }
  return controls > sample.length / 100;
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Decodes text whose charset nobody told us reliably. Order of trust: a byte-order mark; valid
 * UTF-8 (latin1 text with accents is practically never valid UTF-8, so this test is decisive); a
 * charset the document declared (HTML meta, e-mail header); then chardet's statistical guess.
 * ISO-8859-1 is read as windows-1252, its superset, as browsers do, so curly quotes and dashes
 * typed on Windows survive.
 */
export function decodeText(bytes: Uint8Array, declared: string | null = null): DecodedText {
  const bom = utf16Bom(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes), bom), charset: bom, confidence: 100 };
  try {
    // Strips a UTF-8 BOM (ignoreBOM: false).
    return { text: strictUtf8.decode(bytes), charset: 'utf-8', confidence: 100 };
  } catch {
    // Not UTF-8: fall through to the legacy charsets.
  }
  const declaredCharset = declared ? usableCharset(declared) : null;
  if (declaredCharset && declaredCharset !== 'utf-8') {
    return { text: decodeWith(bytes, declaredCharset), charset: declaredCharset, confidence: 90 };
  }
  const guess = guessLegacyCharset(bytes);
  if (WESTERN_SINGLE_BYTE.has(guess.charset)) {
    const mixed = decodeMixedUtf8(bytes);
    if (mixed.utf8Sequences > 0) {
      return { text: mixed.text, charset: 'utf-8+windows-1252', confidence: guess.confidence };
    }
  }
  return {
    text: decodeWith(bytes, guess.charset),
    charset: guess.charset,
    confidence: guess.confidence,
  };
}

/** Guesses for which a UTF-8 file with stray legacy bytes is the likelier story. */
const WESTERN_SINGLE_BYTE = new Set(['windows-1252', 'iso-8859-15', 'iso-8859-9']);

/**
 * Bytes that are mostly UTF-8 with stray single-byte characters (two files pasted together, a
 * latin1 line appended to a UTF-8 log): valid UTF-8 sequences are read as UTF-8 and every other
 * byte as windows-1252, so both halves keep their accents. Hand-written because TextDecoder can
 * only turn the stray bytes into U+FFFD, losing them.
 */
export function decodeMixedUtf8(bytes: Uint8Array): { text: string; utf8Sequences: number } {
  const parts: string[] = [];
  let runStart = 0;
  let utf8Sequences = 0;
  let index = 0;
  while (index < bytes.length) {
    const length = utf8SequenceLength(bytes, index);
    if (length > 0) {
      if (length > 1) utf8Sequences++;
      index += length;
      continue;
    }
    if (index > runStart) parts.push(strictUtf8.decode(bytes.subarray(runStart, index)));
    parts.push(iconv.decode(Buffer.from([bytes[index] ?? 0]), 'windows-1252'));
    index++;
    runStart = index;
  }
  if (runStart < bytes.length) parts.push(strictUtf8.decode(bytes.subarray(runStart)));
  return { text: parts.join(''), utf8Sequences };
}

/** Length of the valid UTF-8 sequence at `index` (1 for ASCII), or 0 when the byte starts none. */
function utf8SequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index] ?? 0;
  if (first < 0x80) return 1;
  const continuation = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[index + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    // No overlong forms (E0 needs A0+), no surrogates (ED needs below A0).
    const low = first === 0xe0 ? 0xa0 : 0x80;
    const high = first === 0xed ? 0x9f : 0xbf;
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const low = first === 0xf0 ? 0x90 : 0x80;
    const high = first === 0xf4 ? 0x8f : 0xbf;
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

/** chardet's best guess that iconv-lite can decode, other than UTF-8 (already ruled out). */
export function guessLegacyCharset(bytes: Uint8Array): { charset: string; confidence: number } {
  const sample = bytes.length > 64 * 1024 ? bytes.subarray(0, 64 * 1024) : bytes;
  for (const match of chardet.analyse(sample)) {
    const charset = usableCharset(match.name);
    if (charset && charset !== 'utf-8') return { charset, confidence: match.confidence };
  }
  // windows-1252 maps every byte to a character, so it never fails; mark the guess as weak.
  return { charset: 'windows-1252', confidence: 0 };
}

/** The lower-case name iconv-lite knows this charset by, or null when it cannot decode it. */
export function usableCharset(name: string): string | null {
  const normalised = name
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (
    normalised === 'iso-8859-1' ||
    normalised === 'latin1' ||
    normalised === 'us-ascii' ||
    normalised === 'ascii'
  ) {
    return 'windows-1252';
  }
  return iconv.encodingExists(normalised) ? normalised : null;
}

export function decodeWith(bytes: Uint8Array, charset: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

/** True when the bytes are valid UTF-8, ignoring a character cut at the end of a sample. */
export function isUtf8Sample(sample: Uint8Array): boolean {
  // Drop up to 3 trailing bytes that may be the start of a multi-byte character split by the cut.
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back];
    if (byte === undefined || byte < 0x80) break;
    if (byte >= 0xc0) {
      end -= back;
      break;
    }
  }
  try {
    strictUtf8.decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
