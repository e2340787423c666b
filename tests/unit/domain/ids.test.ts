import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId, nowIso, UUID_PATTERN } from '@/domain/ids';
import { ISO_TIMESTAMP } from '../../fixtures/records';

/** Replaces the global crypto with one that has getRandomValues only, as on plain http. */
function withoutRandomUUID(fill?: (bytes: Uint8Array) => void): void {
  const real = globalThis.crypto;
  vi.stubGlobal('crypto', {
    getRandomValues: <T extends ArrayBufferView>(array: T): T => {
      if (fill && array instanceof Uint8Array) fill(array);
      else real.getRandomValues(array);
      return array;
    },
  });
}

describe('newId', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('returns a version-4 UUID', () => {
    const id = newId();
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('4');
  });

  it('returns 1000 different ids in 1000 calls', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId()));
    expect(ids.size).toBe(1000);
  });

  it('uses crypto.randomUUID when it exists', () => {
    const spy = vi.spyOn(crypto, 'randomUUID').mockReturnValue('11111111-2222-4333-8444-555555555555');
    expect(newId()).toBe('11111111-2222-4333-8444-555555555555');
    expect(spy).toHaveBeenCalledOnce();
  });

  describe('without crypto.randomUUID (not a secure context)', () => {
    it('still returns version-4 UUIDs', () => {
      withoutRandomUUID();
      expect(typeof crypto.randomUUID).toBe('undefined');
      const ids = Array.from({ length: 1000 }, () => newId());
      for (const id of ids) expect(id).toMatch(UUID_PATTERN);
      expect(ids.every((id) => id[14] === '4' && '89ab'.includes(id[19] ?? ''))).toBe(true);
      expect(new Set(ids).size).toBe(1000);
    });

    it('sets the version and variant bits even when the random bytes are all ones', () => {
      withoutRandomUUID((bytes) => bytes.fill(0xff));
      expect(newId()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    });

    it('sets the version and variant bits even when the random bytes are all zeros', () => {
      withoutRandomUUID((bytes) => bytes.fill(0));
      expect(newId()).toBe('00000000-0000-4000-8000-000000000000');
    });

    it('lays the bytes out in order as 8-4-4-4-12 lowercase hex digits', () => {
      withoutRandomUUID((bytes) => bytes.forEach((_b, i) => (bytes[i] = i * 17)));
      expect(newId()).toBe('00112233-4455-4677-8899-aabbccddeeff');
    });
  });

  it('has a pattern that rejects ids that are not UUIDs', () => {
    expect('not-a-uuid').not.toMatch(UUID_PATTERN);
    expect('00112233-4455-0677-8899-aabbccddeeff').not.toMatch(UUID_PATTERN);
    expect('00112233-4455-4677-c899-aabbccddeeff').not.toMatch(UUID_PATTERN);
    expect('00112233445546778899aabbccddeeff').not.toMatch(UUID_PATTERN);
  });
});

describe('nowIso', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the current time as an ISO 8601 UTC timestamp', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-15T07:30:00.000Z'));
    expect(nowIso()).toBe('2026-05-15T07:30:00.000Z');
  });

  it('has the toISOString shape', () => {
    expect(nowIso()).toMatch(ISO_TIMESTAMP);
  });
});
