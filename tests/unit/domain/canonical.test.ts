import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/domain/canonical';
import { contentHash } from '@/domain/contentHash';
import { canonical } from '@/domain/exchange/merge';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1,2]},"b":1}');
  });

  it('sorts keys by UTF-16 code unit, not by locale: upper case before lower, "å" after "z"', () => {
    expect(canonicalJson({ b: 1, a: 2, B: 3, å: 4, z: 5, aa: 6 })).toBe('{"B":3,"a":2,"aa":6,"b":1,"z":5,"å":4}');
  });

  it('drops properties that are undefined, and writes an undefined array entry as null like JSON', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: null })).toBe('{"b":[null,1],"c":null}');
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ text: 'rad 1\nrad "2"' })).toBe('{"text":"rad 1\\nrad \\"2\\""}');
  });

  it('refuses numbers JSON cannot hold, instead of writing them as null', () => {
    expect(() => canonicalJson({ mean: Number.NaN })).toThrow(/\$\.mean/);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
  });

  it('is the one definition merge compares records with', () => {
    expect(canonical).toBe(canonicalJson);
  });
});

describe('contentHash', () => {
  it('is sha256 of the UTF-8 bytes of the canonical JSON', () => {
    // "å" is two bytes in UTF-8: a hash over UTF-16 or Latin-1 would differ.
    const expected = bytesToHex(sha256(new TextEncoder().encode('{"a":"å","b":1}')));
    expect(contentHash({ b: 1, a: 'å' })).toBe(`sha256:${expected}`);
  });

  it('matches the published SHA-256 of a known text', () => {
    // sha256("[]"), so the hash can be checked with any tool: printf '[]' | sha256sum
    expect(contentHash([])).toBe('sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945');
  });

  it('is the same whatever order the keys were written in', () => {
    expect(contentHash({ x: 1, y: { b: 2, a: 3 } })).toBe(contentHash({ y: { a: 3, b: 2 }, x: 1 }));
  });

  it('changes with any change of content', () => {
    const base = contentHash({ note: 'Vi ses i maj', value: 3 });
    expect(contentHash({ note: 'Vi ses i maj.', value: 3 })).not.toBe(base);
    expect(contentHash({ note: 'Vi ses i maj', value: 2 })).not.toBe(base);
    expect(contentHash({ note: 'Vi ses i maj', value: '3' })).not.toBe(base);
  });
});
