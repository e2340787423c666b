import { describe, expect, it } from 'vitest';
import { isCalendarDate, isTimestamp, normalizeTimestamp } from '@/domain/timestamps';

describe('normalizeTimestamp: RFC 3339, real dates, 2000–2100, stored in UTC', () => {
  it.each([
    ['2026-05-15T12:00:00.000Z', '2026-05-15T12:00:00.000Z'],
    ['2026-05-15T12:00:00Z', '2026-05-15T12:00:00.000Z'],
    ['2026-05-15t12:00:00z', '2026-05-15T12:00:00.000Z'],
    ['2026-05-15T14:00:00+02:00', '2026-05-15T12:00:00.000Z'],
    ['2026-05-15T14:30:00+02:30', '2026-05-15T12:00:00.000Z'],
    ['2026-05-15T07:00:00-05:00', '2026-05-15T12:00:00.000Z'],
    ['2026-05-15T12:00:00-00:00', '2026-05-15T12:00:00.000Z'],
    ['2026-05-15T12:00:00+00:00', '2026-05-15T12:00:00.000Z'],
    ['2026-05-15T12:00:00.5Z', '2026-05-15T12:00:00.500Z'],
    ['2026-05-15T12:00:00.123456789Z', '2026-05-15T12:00:00.123Z'],
    ['2026-05-15T12:00:00.999999+01:00', '2026-05-15T11:00:00.999Z'],
    ['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00.000Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
    ['2026-03-01T00:00:00+23:59', '2026-02-28T00:01:00.000Z'],
    ['2026-02-28T23:00:00-23:59', '2026-03-01T22:59:00.000Z'],
    ['2000-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z'],
    ['2100-12-31T23:59:59.999Z', '2100-12-31T23:59:59.999Z'],
    ['2100-12-31T23:00:00+05:00', '2100-12-31T18:00:00.000Z'],
    ['2000-01-01T05:00:00+05:00', '2000-01-01T00:00:00.000Z'],
  ])('%s → %s', (value, expected) => {
    expect(normalizeTimestamp(value)).toBe(expected);
  });

  it.each([
    ['9999-12-31T23:59:59-23:59', 'year 9999 (was stored as +010000-01-01)'],
    ['2026-05-15T10:00:00+05', 'hour-only offset (used to throw "Invalid time value" later)'],
    ['2026-05-15T10:00:00-05', 'hour-only negative offset'],
    ['2026-05-15T10:00:00+0500', 'offset without a colon'],
    ['2026-05-15T10:00:00+5:00', 'one-digit offset hour'],
    ['2026-05-15T10:00:00+24:00', 'offset hour 24'],
    ['2026-05-15T10:00:00+05:60', 'offset minute 60'],
    ['2026-02-30T10:00:00Z', 'no 30 February (was stored as 2 March)'],
    ['2026-02-29T10:00:00Z', 'not a leap year'],
    ['2100-02-29T10:00:00Z', 'a century that is not a leap year'],
    ['2026-04-31T10:00:00Z', 'April has 30 days'],
    ['2026-13-01T10:00:00Z', 'month 13'],
    ['2026-00-01T10:00:00Z', 'month 0'],
    ['2026-01-00T10:00:00Z', 'day 0'],
    ['2026-05-15T24:00:00Z', 'hour 24'],
    ['2026-05-15T10:60:00Z', 'minute 60'],
    ['2026-05-15T10:00:60Z', 'a leap second'],
    ['1999-12-31T23:59:59.999Z', 'before 2000'],
    ['2101-01-01T00:00:00Z', 'after 2100'],
    ['2100-12-31T23:00:00-05:00', 'in 2101 once in UTC'],
    ['2000-01-01T00:30:00+01:00', 'in 1999 once in UTC'],
    ['+002026-05-15T10:00:00.000Z', 'an expanded year'],
    ['2026-05-15T10:00Z', 'no seconds'],
    ['2026-05-15T10:00:00', 'no time zone'],
    ['2026-05-15 10:00:00Z', 'a space for T'],
    ['2026-05-15', 'a date only'],
    ['2026-05-15T10:00:00.Z', 'a dot without fractions'],
    ['2026-05-15T10:00:00.1234567890Z', 'more than nine fraction digits'],
    [' 2026-05-15T10:00:00Z', 'a leading space'],
    ['2026-05-15T10:00:00Z\n', 'a trailing newline'],
    ['٢٠٢٦-05-15T10:00:00Z', 'Arabic-Indic digits'],
    ['', 'empty'],
    ['igår', 'words'],
  ])('refuses %s (%s)', (value) => {
    expect(normalizeTimestamp(value)).toBeUndefined();
    expect(isTimestamp(value)).toBe(false);
  });

  it('what it returns is always a four-digit-year UTC timestamp that Date reads back to the same text', () => {
    for (const value of ['2026-05-15T14:00:00+02:00', '2000-01-01T00:00:00Z', '2100-12-31T23:59:59.999Z']) {
      const normalized = normalizeTimestamp(value) ?? '';
      expect(normalized).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(new Date(normalized).toISOString()).toBe(normalized);
    }
  });

  it('normalised timestamps sort as text in the order of the moments they name', () => {
    const values = ['2026-05-15T14:00:00+02:00', '2026-05-15T11:59:59Z', '2026-05-15T07:00:01-05:00'];
    const sorted = values.map((value) => normalizeTimestamp(value) ?? '').sort();
    expect(sorted).toEqual(['2026-05-15T11:59:59.000Z', '2026-05-15T12:00:00.000Z', '2026-05-15T12:00:01.000Z']);
  });
});

describe('isCalendarDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2000-01-01', '2100-12-31'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2026-02-30', '2026-02-29', '2100-02-29', '1999-12-31', '2101-01-01', '2026-2-3', '2026-05-15T00:00:00Z', '20260515', ''])('refuses %s', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});
