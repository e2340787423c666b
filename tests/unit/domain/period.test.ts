import { afterEach, describe, expect, it, vi } from 'vitest';
import { isIsoDate, normalizePeriod, periodForDate, termStart, todayIsoDate } from '@/domain/period';

describe('periodForDate: the term a meeting belongs to', () => {
  it.each([
    ['2026-01-01', 'VT 2026'],
    ['2026-03-10', 'VT 2026'],
    ['2026-05-15', 'VT 2026'],
    ['2026-06-30', 'VT 2026'],
    ['2026-07-01', 'HT 2026'],
    ['2026-09-01', 'HT 2026'],
    ['2026-10-15', 'HT 2026'],
    ['2026-12-31', 'HT 2026'],
    ['2027-01-01', 'VT 2027'],
  ])('puts %s in %s', (date, period) => {
    expect(periodForDate(date)).toBe(period);
  });

  it.each(['', 'igår', '2026', '26-03-10', '2026/03/10', '10-03-2026'])('gives no period for %j', (input) => {
    expect(periodForDate(input)).toBe('');
  });

  it.each(['2026-13-01', '2026-00-10'])('gives no period for the impossible month in %s', (input) => {
    expect(periodForDate(input)).toBe('');
  });
});

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2026-02-28', '2026-12-31', '2024-02-29', '2000-02-29'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    ['2026-02-29', 'not a leap year'],
    ['2100-02-29', 'century, not a leap year'],
    ['1999-12-31', 'before 2000: a form must not store a date the centre\'s own export would refuse'],
    ['2101-01-01', 'after 2100'],
    ['2026-02-30', 'no 30 February'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-1-5', 'digits missing'],
    ['2026-01-05T10:00', 'a time'],
    [' 2026-01-05', 'a leading space'],
    ['', 'empty'],
    ['15 maj 2026', 'words'],
  ])('rejects %s (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('todayIsoDate: the local date, not the UTC one', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
    vi.useRealTimers();
  });

  it('formats a local date with zero padding', () => {
    expect(todayIsoDate(new Date(2026, 0, 5, 12, 0))).toBe('2026-01-05');
    expect(todayIsoDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });

  it('puts a meeting at 00:30 in Stockholm on that day, although it is still the day before in UTC', () => {
    process.env.TZ = 'Europe/Stockholm';
    const halfPastMidnight = new Date('2026-03-09T23:30:00.000Z');
    expect(halfPastMidnight.toISOString().slice(0, 10)).toBe('2026-03-09');
    expect(todayIsoDate(halfPastMidnight)).toBe('2026-03-10');
  });

  it('keeps an evening meeting west of UTC on that day, although it is already the next day in UTC', () => {
    process.env.TZ = 'America/New_York';
    expect(todayIsoDate(new Date('2026-07-01T02:00:00.000Z'))).toBe('2026-06-30');
  });

  it('uses the current time by default', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 4, 15, 9, 0));
    expect(todayIsoDate()).toBe('2026-05-15');
  });

  it('always gives a valid ISO date', () => {
    expect(isIsoDate(todayIsoDate())).toBe(true);
  });
});


describe('one period rule: the term of a date, and the first day of a term', () => {
  it('agree: the first day of a term belongs to it, and the day before to the term before', () => {
    for (const period of ['VT 2026', 'HT 2026', 'VT 2000', 'HT 2099']) {
      const start = termStart(period);
      expect(start).toBeDefined();
      expect(periodForDate(start ?? '')).toBe(period);
    }
    expect(periodForDate('2026-06-30')).toBe('VT 2026');
    expect(termStart('HT 2026')).toBe('2026-07-01');
  });

  it('reads a period typed by hand as the one the app writes', () => {
    expect(termStart(normalizePeriod('ht2025'))).toBe('2025-07-01');
    expect(normalizePeriod(periodForDate('2025-10-15'))).toBe('HT 2025');
  });
});
