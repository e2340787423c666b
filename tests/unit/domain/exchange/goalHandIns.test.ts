import { describe, expect, it } from 'vitest';
import { choiceKey, handInChoices, pickHandIn, readGoalFromHandIns } from '@/domain/exchange/goalHandIns';
import { districtFile } from '../../../fixtures/handInFiles';

const centres = [
  districtFile({ id: 'c-rinkeby', name: 'Familjecentralen Rinkeby', mayAt: '2026-05-12T09:00:00.000Z', octoberAt: '2026-10-09T09:00:00.000Z', goal3: { reflection: 'Rinkeby om lokalen.', action: 'Gemensam reception' } }, '2026-10-20T10:00:00.000Z'),
  districtFile({ id: 'c-alby', name: 'Familjecentralen Alby', mayAt: '2026-05-13T09:00:00.000Z', goal3: { reflection: 'Alby om lokalen.', action: 'Skylt vid entrén', own: 'Vi fikar ihop' } }, '2026-10-20T10:00:00.000Z'),
  districtFile({ id: 'c-kista', name: 'Familjecentralen Kista', goal3: { reflection: 'Kista.', action: 'Inget' } }, '2026-10-20T10:00:00.000Z'),
].map((file) => ({ centreId: file.centre.id, name: file.centre.name, handIns: file.handIns }));

describe('reading a goal across centres from their hand-ins', () => {
  it('offers the newest hand-in first, then each check-in deadline handed in for, newest first, with how many centres', () => {
    const options = handInChoices(centres);
    expect(options.map((o) => [o.key, o.centres])).toEqual([
      ['latest', 2],
      ['check-in-autumn@2026', 1],
      ['check-in-spring@2026', 2],
    ]);
  });

  it('by default reads each centre’s newest check-in, in name order, exactly as sealed', () => {
    const reading = readGoalFromHandIns(centres, 'goal-3', { kind: 'latest' });
    expect(reading.map((c) => c.name)).toEqual(['Familjecentralen Alby', 'Familjecentralen Kista', 'Familjecentralen Rinkeby']);
    const [alby, kista, rinkeby] = reading;
    expect(kista?.round).toBeNull();
    expect(rinkeby?.round?.reflection).toBe('Rinkeby om lokalen. (hösten)');
    expect(rinkeby?.round?.handIn).toMatchObject({ deadlineId: 'check-in-autumn', year: 2026, sequence: 1 });
    // In October the action is done: listed under what was done since May, with the status handed in then.
    expect(rinkeby?.round?.actions).toEqual([expect.objectContaining({ what: 'Gemensam reception', who: 'BVC', due: '2026-09-30', status: 'done' })]);
    expect(alby?.round?.reflection).toBe('Alby om lokalen.');
    expect(alby?.round?.actions.map((a) => [a.what, a.status])).toEqual([['Skylt vid entrén', 'ongoing']]);
    expect(alby?.round?.ownStatements).toEqual([expect.objectContaining({ text: 'Vi fikar ihop', value: 1 })]);
    expect(alby?.round?.notes).toEqual([{ itemId: 'g3-fixed-hours', note: 'Anteckning från Familjecentralen Alby' }]);
    expect(alby?.round?.targets).toEqual([expect.objectContaining({ level: 3, by: '2026-12-31', services: ['BVC', 'Socialtjänst'], answer: 1, state: 'not-yet' })]);
    expect(alby?.round?.targets?.[0]?.statement.sv).toBe('Vi fikar ihop');
  });

  it('reads the May hand-in when that deadline is chosen: the action still ongoing as handed in then', () => {
    const reading = readGoalFromHandIns(centres, 'goal-3', { kind: 'deadline', deadlineId: 'check-in-spring', year: 2026 });
    const rinkeby = reading.find((c) => c.name === 'Familjecentralen Rinkeby');
    expect(rinkeby?.round?.reflection).toBe('Rinkeby om lokalen.');
    expect(rinkeby?.round?.actions.map((a) => a.status)).toEqual(['ongoing']);
    expect(rinkeby?.round?.score?.mean).toBe(1);
  });

  it('a later hand-in for the same deadline wins; other kinds of document are not check-ins', () => {
    const [first] = centres[0]?.handIns ?? [];
    if (!first) throw new Error('no hand-in');
    const second = { ...first, id: 'second', sequence: 2, sealedAt: '2026-05-14T09:00:00.000Z' };
    expect(pickHandIn([first, second], { kind: 'deadline', deadlineId: 'check-in-spring', year: 2026 })?.id).toBe('second');
    expect(pickHandIn([{ ...first, kind: 'project-plan' }], { kind: 'latest' })).toBeUndefined();
    expect(choiceKey({ kind: 'deadline', deadlineId: 'check-in-spring', year: 2026 })).toBe('check-in-spring@2026');
  });
});
