import { afterEach, describe, expect, it, vi } from 'vitest';
import { UUID_PATTERN } from '@/domain/ids';
import {
  compareRoundsNewestFirst,
  groupByRound,
  createCentre,
  createRound,
  newParticipant,
  normalizeCentre,
  normalizeRound,
  validateCentre,
  validateRound,
} from '@/domain/records';
import { smallInstrument } from '../../fixtures/instruments';
import { centreInput, makeRound, participant, roundInput } from '../../fixtures/records';

const NOW = '2026-03-10T09:15:00.000Z';

describe('validateCentre', () => {
  it('accepts a centre with a name', () => {
    expect(validateCentre(centreInput())).toEqual({});
  });

  it('accepts a centre with only a name (everything else is optional)', () => {
    expect(validateCentre(centreInput({ municipality: '', district: '', services: [] }))).toEqual({});
  });

  it.each(['', '   ', '\t\n'])('requires a name, so %j is not enough', (name) => {
    expect(validateCentre(centreInput({ name }))).toEqual({ name: 'required' });
  });
});

describe('validateRound', () => {
  it('accepts a complete round', () => {
    expect(validateRound(roundInput())).toEqual({});
  });

  it('accepts a round without participants', () => {
    expect(validateRound(roundInput({ participants: [] }))).toEqual({});
  });

  it('requires a title', () => {
    expect(validateRound(roundInput({ title: '  ' }))).toEqual({ title: 'required' });
  });

  it.each(['', '2026-02-30', '10/3/2026', '2026-3-10'])('rejects the date %j as invalid', (date) => {
    expect(validateRound(roundInput({ date }))).toEqual({ date: 'invalidDate' });
  });

  it('requires a period', () => {
    expect(validateRound(roundInput({ period: ' ' }))).toEqual({ period: 'required' });
  });

  it('reports every problem at once', () => {
    expect(validateRound(roundInput({ title: '', date: 'x', period: '' }))).toEqual({
      title: 'required',
      date: 'invalidDate',
      period: 'required',
    });
  });
});

describe('normalizeCentre', () => {
  it('trims the texts and removes duplicate services', () => {
    const input = centreInput({
      name: '  Familjecentralen Fittja ',
      municipality: ' Botkyrka',
      district: 'Fittja  ',
      services: ['bvc', 'bmm', 'bvc'],
      otherServices: ' Biblioteket ',
      coLocation: 'near',
    });
    expect(normalizeCentre(input)).toEqual({
      name: 'Familjecentralen Fittja',
      municipality: 'Botkyrka',
      district: 'Fittja',
      services: ['bvc', 'bmm'],
      otherServices: 'Biblioteket',
      coLocation: 'near',
    });
  });

  it('does not change the input', () => {
    const input = centreInput({ name: ' X ' });
    normalizeCentre(input);
    expect(input.name).toBe(' X ');
  });
});

describe('normalizeRound', () => {
  it('trims the title, the period and every participant', () => {
    const input = roundInput({
      title: '  Avstämning  ',
      period: ' VT 2026 ',
      participants: [participant(' Anna ', ' BVC ', 'p1')],
    });
    expect(normalizeRound(input)).toEqual({
      title: 'Avstämning',
      date: '2026-03-10',
      period: 'VT 2026',
      participants: [{ id: 'p1', name: 'Anna', role: 'BVC' }],
    });
  });

  it('drops participant rows the group added and left empty, also rows of only spaces', () => {
    const input = roundInput({
      participants: [
        participant('', '', 'empty'),
        participant('Anna', '', 'name-only'),
        participant('  ', ' \t', 'spaces'),
        participant('', 'Öppen förskola', 'role-only'),
      ],
    });
    expect(normalizeRound(input).participants).toEqual([
      { id: 'name-only', name: 'Anna', role: '' },
      { id: 'role-only', name: '', role: 'Öppen förskola' },
    ]);
  });

  it('keeps the participant ids and their order', () => {
    const ids = ['c', 'a', 'b'];
    const input = roundInput({ participants: ids.map((id) => participant(`Person ${id}`, 'BVC', id)) });
    expect(normalizeRound(input).participants.map((p) => p.id)).toEqual(ids);
  });

  it('does not change the input participants', () => {
    const row = participant(' Anna ', 'BVC', 'p1');
    normalizeRound(roundInput({ participants: [row] }));
    expect(row.name).toBe(' Anna ');
  });
});

describe('createRound', () => {
  it('starts an in-progress round that records the instrument id and version it was made with', () => {
    const round = createRound('centre-1', roundInput(), smallInstrument, NOW);
    expect(round).toMatchObject({
      centreId: 'centre-1',
      instrumentId: 'small',
      instrumentVersion: '2.1.0',
      status: 'in-progress',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(round.id).toMatch(UUID_PATTERN);
  });

  it('stores the normalized input', () => {
    const round = createRound(
      'centre-1',
      roundInput({ title: ' Höst ', participants: [participant('', '', 'x'), participant('Bo', ' BMM ', 'y')] }),
      smallInstrument,
      NOW,
    );
    expect(round.title).toBe('Höst');
    expect(round.participants).toEqual([{ id: 'y', name: 'Bo', role: 'BMM' }]);
  });

  it('has no completion, position or deletion yet', () => {
    const round = createRound('centre-1', roundInput(), smallInstrument, NOW);
    expect(round).not.toHaveProperty('completedAt');
    expect(round).not.toHaveProperty('position');
    expect(round).not.toHaveProperty('deletedAt');
  });

  it('gives every round its own id', () => {
    const a = createRound('c', roundInput(), smallInstrument, NOW);
    const b = createRound('c', roundInput(), smallInstrument, NOW);
    expect(a.id).not.toBe(b.id);
  });

  it('uses the current time by default', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
    try {
      expect(createRound('c', roundInput(), smallInstrument).createdAt).toBe(NOW);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createCentre', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates a centre with a UUID, normalized fields and both timestamps', () => {
    const centre = createCentre(centreInput({ name: ' Familjecentralen Alby ', services: ['bmm', 'bmm'] }), NOW);
    expect(centre.id).toMatch(UUID_PATTERN);
    expect(centre).toMatchObject({ name: 'Familjecentralen Alby', services: ['bmm'], createdAt: NOW, updatedAt: NOW });
    expect(centre).not.toHaveProperty('deletedAt');
  });
});

describe('newParticipant', () => {
  it('is an empty row with its own id', () => {
    const a = newParticipant();
    const b = newParticipant();
    expect(a).toEqual({ id: expect.stringMatching(UUID_PATTERN) as unknown, name: '', role: '' });
    expect(a.id).not.toBe(b.id);
  });
});

describe('compareRoundsNewestFirst', () => {
  it('orders by meeting date, newest first, then by creation time, newest first', () => {
    const rounds = [
      makeRound('c', { id: 'spring', date: '2026-03-10', createdAt: '2026-03-10T08:00:00.000Z' }),
      makeRound('c', { id: 'autumn', date: '2026-10-01', createdAt: '2026-10-01T08:00:00.000Z' }),
      makeRound('c', { id: 'spring-later', date: '2026-03-10', createdAt: '2026-03-10T13:00:00.000Z' }),
      makeRound('c', { id: 'last-year', date: '2025-10-15', createdAt: '2026-03-11T08:00:00.000Z' }),
    ];
    expect([...rounds].sort(compareRoundsNewestFirst).map((r) => r.id)).toEqual([
      'autumn',
      'spring-later',
      'spring',
      'last-year',
    ]);
  });
});

describe('groupByRound', () => {
  it('groups records by round in their order, reading each record once', () => {
    let reads = 0;
    const record = (roundId: string, n: number) => ({
      n,
      get roundId() {
        reads += 1;
        return roundId;
      },
    });
    const records = Array.from({ length: 3000 }, (_, i) => record(`round-${String(i % 1000)}`, i));
    const groups = groupByRound(records);
    // Once per record: filtering all records once per round read them 1000 times as often.
    expect(reads).toBe(3000);
    expect(groups.size).toBe(1000);
    expect(groups.get('round-7')?.map((r) => r.n)).toEqual([7, 1007, 2007]);
    expect(groups.get('missing')).toBeUndefined();
  });
});
