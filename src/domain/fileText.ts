/**
 * Reading a picked file as text, for the export import and the instrument loader alike. Files are
 * read as bytes and decoded here, strictly, because `File.text()` quietly turns every byte that is
 * not UTF-8 into U+FFFD: a Latin-1 "Malmö" would be stored as "Malm�".
 */

export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodedText = { ok: true; text: string; encoding: FileEncoding } | { ok: false };

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * UTF-8 with or without a byte-order mark, or UTF-16 (little or big endian) with one; anything else
 * is refused. A NUL character cannot be in a JSON file, so text holding one was UTF-16 without its
 * mark, or not text at all: refused too, rather than reported as broken JSON.
 */
export function decodeFileBytes(bytes: Uint8Array): DecodedText {
  const encoding: FileEncoding = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    // fatal: a malformed byte is an error, not U+FFFD. The decoder drops a leading byte-order mark.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false };
  }
  if (text.includes('\u0000')) return { ok: false };
  return { ok: true, text, encoding };
}

export interface JsonErrorPlace {
  /** 1-based line and column (in characters) of the first character that cannot be JSON. */
  readonly line: number;
  readonly column: number;
  /** True when the text ends before the JSON does (a cut-off file). */
  readonly atEnd: boolean;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Where text stops being JSON: found by our own scan, because the browser's parser words its error
 * in English, differently in every engine, and Safari gives no position at all. Iterative, so that a
 * file of 5000 nested brackets cannot overflow the stack. Returns undefined for valid JSON.
 */
export function jsonErrorPlace(text: string): JsonErrorPlace | undefined {
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  // Counted in characters, not UTF-16 units, so that an emoji earlier on the line counts once.
  const column = Array.from(text.slice(lineStart, offset)).length + 1;
  return { line, column, atEnd: offset >= text.length };
}

type Expect = 'value' | 'keyOrEnd' | 'key' | 'colon' | 'commaOrEnd' | 'valueOrEnd' | 'done';

function jsonErrorOffset(text: string): number | undefined {
  const stack: ('{' | '[')[] = [];
  let expect = 'value' as Expect;
  let i = 0;
  // After a value: the document is complete, or a comma or a closing bracket comes next.
  const afterValue = (): Expect => (stack.length === 0 ? 'done' : 'commaOrEnd');
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i] ?? '')) i += 1;
    if (expect === 'done') return i < text.length ? i : undefined;
    if (i >= text.length) return text.length;
    const c = text[i] ?? '';
    const top = stack[stack.length - 1];
    if (expect === 'colon') {
      if (c !== ':') return i;
      i += 1;
      expect = 'value';
      continue;
    }
    if (expect === 'commaOrEnd') {
      if (c === ',') {
        i += 1;
        expect = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        i += 1;
        stack.pop();
        expect = afterValue();
      } else return i;
      continue;
    }
    if ((expect === 'keyOrEnd' && c === '}') || (expect === 'valueOrEnd' && c === ']')) {
      i += 1;
      stack.pop();
      expect = afterValue();
      continue;
    }
    if (expect === 'key' || expect === 'keyOrEnd') {
      if (c !== '"') return i;
      const end = stringEnd(text, i);
      if (end < 0) return -end - 1;
      i = end;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c);
      i += 1;
      expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
      continue;
    }
    const end = c === '"' ? stringEnd(text, i) : literalEnd(text, i);
    if (end < 0) return -end - 1;
    i = end;
    expect = afterValue();
  }
}

/** The index after a string starting at `start`, or −(offset of the error) − 1. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i - 1;
    if (c === 0x5c) {
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 1) - 1;
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(next) || next === '') return -(i + 1) - 1;
      i += 2;
      continue;
    }
    i += 1;
  }
  return -text.length - 1;
}

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The index after a literal or number at `start`; what follows it is checked by the caller's next step. */
function literalEnd(text: string, start: number): number {
  LITERAL.lastIndex = start;
  const match = LITERAL.exec(text);
  return match ? start + match[0].length : -start - 1;
}
