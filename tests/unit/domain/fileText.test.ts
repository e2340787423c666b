import { describe, expect, it } from 'vitest';
import { decodeFileBytes, jsonErrorPlace } from '@/domain/fileText';

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out.push(...(endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return new Uint8Array(out);
}
/** Latin-1 (ISO 8859-1): one byte per character, as an old Windows editor saves "Malmö". */
const latin1 = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

describe('decodeFileBytes', () => {
  const text = '{"name": "Malmö – Öxnehaga 😀"}';

  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeFileBytes(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a byte-order mark, and drops the mark', () => {
    expect(decodeFileBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-16 little endian with a byte-order mark', () => {
    expect(decodeFileBytes(utf16(text, 'le'))).toEqual({ ok: true, text, encoding: 'utf-16le' });
  });

  it('reads UTF-16 big endian with a byte-order mark', () => {
    expect(decodeFileBytes(utf16(text, 'be'))).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('refuses Latin-1 "Malmö" instead of reading it as "Malm\uFFFD"', () => {
    expect(decodeFileBytes(latin1('{"name": "Malmö"}'))).toEqual({ ok: false });
  });

  it.each([
    ['a lone continuation byte', [0x7b, 0x80, 0x7d]],
    ['a cut-off two-byte sequence at the end', [0x7b, 0xc3]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['Windows-1252 curly quotes', [0x93, 0x68, 0x94]],
  ])('refuses invalid UTF-8: %s', (_name, bytes) => {
    expect(decodeFileBytes(new Uint8Array(bytes))).toEqual({ ok: false });
  });

  it('refuses UTF-16 without a byte-order mark (it would read as text full of NUL characters)', () => {
    expect(decodeFileBytes(utf16('{"a": 1}', 'le', false))).toEqual({ ok: false });
    expect(decodeFileBytes(utf16('{"a": 1}', 'be', false))).toEqual({ ok: false });
  });

  it('refuses UTF-16 with a mark but an odd number of bytes', () => {
    expect(decodeFileBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d]))).toEqual({ ok: false });
  });

  it('reads an empty file as empty text (which is then not JSON)', () => {
    expect(decodeFileBytes(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });
});

describe('jsonErrorPlace', () => {
  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e+3, true, false, null, "x\\n\\u00e5\\"", {"b": {}}]} \n',
    '"just a string"',
    '0',
  ])('is undefined for valid JSON: %s', (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(jsonErrorPlace(text)).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', 1, 9, false],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, false],
    ['{\n  "name": "Malmö",\n  "x": tru\n}', 3, 8, false],
    ['{"a": 01}', 1, 8, false],
    ['{"a": "tab\there"}', 1, 11, false],
    ['{"a": "\\x"}', 1, 9, false],
    ["{'a': 1}", 1, 2, false],
    ['{"a": 1} x', 1, 10, false],
    ['{"a": [1, 2}', 1, 12, false],
    ['{"😀": x}', 1, 7, false],
    ['{"format": "familjecentral-export",', 1, 36, true],
    ['{"a": "open', 1, 12, true],
    ['', 1, 1, true],
    ['[[[[', 1, 5, true],
  ])('%j breaks at line %i, column %i', (text, line, column, atEnd) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(jsonErrorPlace(text)).toEqual({ line, column, atEnd });
  });

  it('5000 nested brackets, cut off, do not overflow the stack', () => {
    expect(jsonErrorPlace('['.repeat(5000))).toEqual({ line: 1, column: 5001, atEnd: true });
  });
});
