import { describe, expect, it } from 'vitest';
import { contentHash } from '@/domain/contentHash';
import { changedAfterHandIn, documentChanges } from '@/domain/cycle/changes';
import { handInsOfRound, isIntact, latestHandIn, nextSequence, sealHandIn, shortHash, type HandIn } from '@/domain/cycle/handIn';
import { centreYear, mayValues, octoberValues, PARTICIPANT_NAMES } from '../../../fixtures/cycle';

const MAY_HANDED_IN = '2026-05-12T09:00:00.000Z';

function mayHandedIn() {
  const year = centreYear();
  const may = year.round('2026-05-06', 'Avstämning våren 2026', mayValues(), { reflections: { 'goal-1': 'Föräldragrupperna är igång.' } });
  const groups = year.action(may, 'goal-1', 'Starta föräldragrupp', 'Öppna förskolan', 'ongoing', '2026-09-30');
  const handIn = year.handIn(year.checkIn(may, MAY_HANDED_IN), 'check-in-spring', MAY_HANDED_IN);
  return { year, may, groups, handIn };
}

describe('sealing a hand-in', () => {
  it('records who, for which deadline, when, and the hash of the canonical document', () => {
    const { year, may, handIn } = mayHandedIn();
    expect(handIn).toMatchObject({ centreId: year.centre.id, deadlineId: 'check-in-spring', year: 2026, roundId: may.round.id, kind: 'check-in', sequence: 1, sealedAt: MAY_HANDED_IN });
    expect(handIn.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(handIn.hash).toBe(contentHash(handIn.document));
    expect(isIntact(handIn)).toBe(true);
  });

  it('gives the same hash for the same document whatever order its keys were built in', () => {
    const { year, may, handIn } = mayHandedIn();
    const document = year.checkIn(may, MAY_HANDED_IN);
    const reversed = JSON.parse(JSON.stringify(document), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ) as typeof document;
    expect(Object.keys(reversed)[0]).not.toBe(Object.keys(document)[0]);
    expect(sealHandIn(reversed, { centreId: 'c', deadlineId: 'check-in-spring', year: 2026, sequence: 1 }).hash).toBe(handIn.hash);
  });

  it('gives another hash for any change: a note, an answer, an action’s status', () => {
    const { year, may, handIn } = mayHandedIn();
    const hashes = new Set([handIn.hash]);
    const options = { centreId: year.centre.id, deadlineId: 'check-in-spring', year: 2026, sequence: 2 };
    const base = year.checkIn(may, MAY_HANDED_IN);
    const goal = base.goals[0];
    const item = goal?.items[0];
    const step = goal?.nextSteps[0];
    if (!goal || !item || !step) throw new Error('fixture');
    const withNote = { ...base, goals: [{ ...goal, items: [{ ...item, note: 'ny' }, ...goal.items.slice(1)] }, ...base.goals.slice(1)] };
    const withAnswer = { ...base, goals: [{ ...goal, items: [{ ...item, answer: 4 }, ...goal.items.slice(1)] }, ...base.goals.slice(1)] };
    const withStatus = { ...base, goals: [{ ...goal, nextSteps: [{ ...step, status: 'planned' as const }] }, ...base.goals.slice(1)] };
    for (const changed of [withNote, withAnswer, withStatus]) hashes.add(sealHandIn(changed, options).hash);
    expect(hashes.size).toBe(4);
  });

  it('cannot be written into: the sealed record and its document are frozen, and the caller’s copy is not the sealed one', () => {
    const { year, may } = mayHandedIn();
    const document = year.checkIn(may, MAY_HANDED_IN);
    const sealed = sealHandIn(document, { centreId: year.centre.id, deadlineId: 'check-in-spring', year: 2026, sequence: 1 });
    const hash = sealed.hash;
    const goal = sealed.document.kind === 'check-in' ? sealed.document.goals[0] : undefined;
    if (!goal) throw new Error('fixture');
    // Every write a careless code path could try, in strict mode (ES modules), throws.
    expect(() => {
      (goal as { reflection: string }).reflection = 'skrivet i efterhand';
    }).toThrow(TypeError);
    expect(() => {
      (goal.items as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (sealed as { hash: string }).hash = 'sha256:0';
    }).toThrow(TypeError);
    // Changing the document it was sealed from leaves the hand-in as it was.
    (document.goals[0] as { reflection: string }).reflection = 'ändrad i rundan';
    expect(goal.reflection).toBe('Föräldragrupperna är igång.');
    expect(sealed.hash).toBe(hash);
    expect(isIntact(sealed)).toBe(true);
  });

  it('is not intact when its document was tampered with in a file', () => {
    const { handIn } = mayHandedIn();
    const copy = JSON.parse(JSON.stringify(handIn)) as HandIn;
    expect(isIntact(copy)).toBe(true);
    (copy.document as { centre: { name: string } }).centre.name = 'Annan familjecentral';
    expect(isIntact(copy)).toBe(false);
    expect(isIntact({ ...handIn, kind: 'yearly-report' })).toBe(false);
  });

  it('carries no participant names', () => {
    const { handIn } = mayHandedIn();
    const text = JSON.stringify(handIn);
    for (const name of PARTICIPANT_NAMES) expect(text).not.toContain(name);
  });

  it('refuses a sequence below 1', () => {
    const { handIn } = mayHandedIn();
    expect(() => sealHandIn(handIn.document, { centreId: 'c', deadlineId: 'd', year: 2026, sequence: 0 })).toThrow(RangeError);
  });
});

describe('a hand-in stays as it was handed in', () => {
  it('the October review records the October status; the May check-in built again reads as sealed in May', () => {
    const { year, may, groups, handIn } = mayHandedIn();
    const october = year.round('2026-10-08', 'Avstämning hösten 2026', octoberValues(), { previous: may });
    year.review(groups, 'done', october, '2026-10-08T09:30:00.000Z');
    year.carry(groups, october, '2026-10-08T09:00:00.000Z');
    year.action(october, 'goal-1', 'Ny åtgärd i oktober', 'BVC', 'ongoing', '', '2026-10-08T10:00:00.000Z');
    // The sealed May document still says "ongoing".
    const sealedGoal1 = handIn.document.kind === 'check-in' ? handIn.document.goals.find((g) => g.goalId === 'goal-1') : undefined;
    expect(sealedGoal1?.nextSteps.map((s) => [s.what, s.status])).toEqual([['Starta föräldragrupp', 'ongoing']]);
    // Rebuilt as of the day it was handed in, from today's data, it is the same document with the same hash.
    const rebuilt = year.checkIn(may, MAY_HANDED_IN);
    expect(contentHash(rebuilt)).toBe(handIn.hash);
    expect(changedAfterHandIn(rebuilt, handIn)).toEqual({ changed: false, changes: [] });
  });
});

describe('hand-ins of a round', () => {
  it('numbers the next hand-in for the same deadline and lists a round’s hand-ins first first', () => {
    const { year, may, handIn } = mayHandedIn();
    expect(nextSequence(year.handIns, year.centre.id, 'check-in-spring', 2026)).toBe(2);
    expect(nextSequence(year.handIns, year.centre.id, 'check-in-autumn', 2026)).toBe(1);
    expect(nextSequence(year.handIns, 'other-centre', 'check-in-spring', 2026)).toBe(1);
    year.answer(may, 'g1-open-to-all', 4, 'Rättat efter inlämningen');
    const second = year.handIn(year.checkIn(may, '2026-05-14T08:00:00.000Z'), 'check-in-spring', '2026-05-14T08:00:00.000Z');
    expect(second.sequence).toBe(2);
    expect(handInsOfRound(year.handIns, may.round.id).map((h) => h.id)).toEqual([handIn.id, second.id]);
    expect(latestHandIn(year.handIns, may.round.id)?.id).toBe(second.id);
    expect(handInsOfRound(year.handIns, 'no-round')).toEqual([]);
  });

  it('shows a short hash to compare by eye', () => {
    expect(shortHash('sha256:3f2a9c1b07aa')).toBe('3f2a 9c1b');
  });
});

describe('changed after hand-in', () => {
  it('lists what changed in the round since it was handed in, and both hand-ins stay readable', () => {
    const { year, may, groups, handIn } = mayHandedIn();
    year.answer(may, 'g1-open-to-all', 4, 'Nu öppet för alla');
    may.reflections = may.reflections.map((r) => (r.goalId === 'goal-1' ? { ...r, note: 'Grupperna är fulla.' } : r));
    year.review(groups, 'dropped', may, '2026-05-13T08:00:00.000Z');
    const now = year.checkIn(may, '2026-05-13T09:00:00.000Z');
    const after = changedAfterHandIn(now, handIn);
    expect(after.changed).toBe(true);
    expect(after.changes).toEqual([
      { kind: 'answer', goalId: 'goal-1', itemId: 'g1-open-to-all', own: false, from: 3, to: 4 },
      { kind: 'note', goalId: 'goal-1', itemId: 'g1-open-to-all', own: false, from: '', to: 'Nu öppet för alla' },
      { kind: 'reflection', goalId: 'goal-1', from: 'Föräldragrupperna är igång.', to: 'Grupperna är fulla.' },
      { kind: 'action-removed', goalId: 'goal-1', actionId: groups.id, what: 'Starta föräldragrupp' },
    ]);
    const second = year.handIn(now, 'check-in-spring', '2026-05-13T09:00:00.000Z');
    expect(documentChanges(handIn.document, second.document)).toEqual(after.changes);
    expect(isIntact(handIn) && isIntact(second)).toBe(true);
    expect(handIn.document).not.toEqual(second.document);
  });

  it('does not count a new wording of the template as a change of the round', () => {
    const { year, may, handIn } = mayHandedIn();
    const now = year.checkIn(may, MAY_HANDED_IN);
    const reworded = { ...now, template: { ...now.template, title: { sv: 'Stadens mall', en: "The city's template" } } };
    expect(changedAfterHandIn(reworded, handIn).changed).toBe(false);
  });

  it('cannot compare documents of different kinds', () => {
    const { handIn } = mayHandedIn();
    const plan = { kind: 'project-plan' } as unknown as HandIn['document'];
    expect(() => documentChanges(handIn.document, plan)).toThrow(TypeError);
  });
});
