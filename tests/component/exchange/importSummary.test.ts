import { afterEach, describe, expect, it } from 'vitest';
import { collisionText, kindList } from '@/components/exchange/importSummary';
import { RECORD_KINDS, type ImportPlan, type MergeAction, type RecordKind } from '@/domain/exchange/merge';
import { loadAllMessages, loadLocale, setLocale, useI18n } from '@/i18n';

function planWith(counts: Partial<Record<RecordKind, Partial<Record<MergeAction, number>>>>): ImportPlan {
  const countsByKind = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, { add: 0, update: 0, skip: 0, ...counts[kind] }])) as ImportPlan['countsByKind'];
  return { countsByKind } as unknown as ImportPlan;
}

afterEach(() => setLocale('sv'));

describe('kindList: what an import adds, per kind, with plural forms', () => {
  it('in Swedish', async () => {
    await loadAllMessages();
    const { tn } = useI18n();
    const plan = planWith({ centre: { add: 1 }, round: { add: 3 }, answer: { add: 105 }, action: { add: 12 }, rating: { add: 1 }, localItem: { add: 2 }, reflection: { update: 1 } });
    expect(kindList(plan, 'add', 'sv', tn)).toBe(
      'familjecentralens uppgifter, 3 omgångar, 105 svar, 12 åtgärder, 1 individuell bedömning och 2 egna påståenden',
    );
    expect(kindList(plan, 'update', 'sv', tn)).toBe('1 reflektion');
    expect(kindList(planWith({ round: { add: 1 }, answer: { add: 1 }, localItem: { add: 1 } }), 'add', 'sv', tn)).toBe('1 omgång, 1 svar och 1 eget påstående');
    expect(kindList(plan, 'skip', 'sv', tn)).toBe('');
    expect(kindList(planWith({ handIn: { add: 2 }, projectPlan: { add: 1 } }), 'add', 'sv', tn)).toMatch(/^2 \S.* och 1 \S/);
  });

  it('in English', async () => {
    await loadLocale('en');
    setLocale('en');
    const { tn } = useI18n();
    const plan = planWith({ round: { add: 1 }, answer: { add: 105 }, reflection: { add: 2 }, rating: { add: 4 } });
    expect(kindList(plan, 'add', 'en', tn)).toBe('1 round, 105 answers, 2 reflections and 4 individual ratings');
    expect(kindList(planWith({ action: { update: 1 }, localItem: { update: 3 } }), 'update', 'en', tn)).toBe('1 action and 3 own statements');
  });
});

describe('collisionText', () => {
  it('names the place, the kind, the id and whose record it is', async () => {
    await loadAllMessages();
    const { t } = useI18n();
    expect(collisionText({ kind: 'answer', id: 'a-1', path: 'answers[3].id', owner: 'otherCentre', ownerName: 'Familjecentralen Örby' }, t)).toBe(
      'answers[3].id: ett svar med id a-1 finns redan här och hör till Familjecentralen Örby.',
    );
    expect(collisionText({ kind: 'round', id: 'r-1', path: 'rounds[0].id', owner: 'otherCentre' }, t)).toBe(
      'rounds[0].id: en omgång med id r-1 finns redan här och hör till ingen familjecentral.',
    );
    expect(collisionText({ kind: 'rating', id: 'x', path: 'ratings[1].id', owner: 'otherRound', ownerName: 'Våren' }, t)).toBe(
      'ratings[1].id: en individuell bedömning med id x finns redan här i en annan omgång (Våren).',
    );
  });
});
