import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import StageCard from '@/components/results/StageCard.vue';
import { parseInstrument } from '@/domain/instrument';
import { roundPathProfile, type PathProfile } from '@/domain/path';
import type { AnswerValue, BaseService, Centre } from '@/domain/types';
import { setLocale } from '@/i18n';
import { rawDefaultInstrument } from '../../fixtures/instruments';
import { scoresFor } from '../../fixtures/scores';

const instrument = parseInstrument(rawDefaultInstrument());
const ALL: BaseService[] = ['bmm', 'bvc', 'openPreschool', 'socialServices'];

function goalAt(goalId: string, value: AnswerValue): Record<string, AnswerValue> {
  const goal = instrument.goals.find((g) => g.id === goalId);
  return Object.fromEntries((goal?.items ?? []).map((item) => [item.id, value]));
}

function profileOf(coLocation: Centre['coLocation'], values: Record<string, AnswerValue>, skipped: string[] = []): PathProfile {
  return roundPathProfile({ services: ALL, coLocation }, scoresFor(instrument, { values, skipped }), instrument);
}

const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();

describe('StageCard: the path as a profile', () => {
  afterEach(() => setLocale('sv'));

  it('shows four marks with their status in words for screen readers, and no single stage', () => {
    const profile = profileOf('near', { ...goalAt('goal-1', 1), ...goalAt('goal-2', 3), ...goalAt('goal-3', 3), 'g3-shared-premises': 2 });
    const card = mount(StageCard, { props: { profile, instrument } });
    const marks = card.get('[data-testid="path-marks"]').findAll('li');
    expect(marks.map((m) => m.attributes('data-status'))).toEqual(['onTheWay', 'taken', 'taken', 'onTheWay']);
    expect(marks[0]?.get('.visually-hidden').text()).toBe('Steg 1, Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan: På väg');
    expect(squash(card.get('[data-testid="stage-step-3"]').text())).toBe('Steg 3: Taget – Lokalisering nära varandra och tätt samarbete');
    expect(card.text()).not.toContain('Före steg 1');
  });

  it('"Varför?" lists every step’s evidence, quotes the seed and names a goal marked not relevant as not assessed', () => {
    const profile = profileOf('separate', goalAt('goal-2', 3), ['goal-1']);
    const card = mount(StageCard, { props: { profile, instrument } });
    const step1 = card.get('[data-testid="stage-evidence-1"]');
    expect(step1.text()).toContain('Underlaget (Stockholms stad, 2016): ”Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan.”');
    expect(squash(step1.text())).toContain('Inte bedömt: Mål 1 (Tidiga hälsofrämjande insatser för barnfamiljer): målet är markerat inte aktuellt i omgången');
    expect(step1.text()).not.toContain('Inte uppfyllt');
    expect(card.findAll('[data-testid^="stage-evidence-"]')).toHaveLength(4);
    expect(card.text()).toContain('Regler: default-1');
  });

  it('shows a placement that contradicts goal 3', () => {
    const profile = profileOf('co-located', { 'g3-shared-premises': 1 });
    const card = mount(StageCard, { props: { profile, instrument } });
    expect(card.get('[data-testid="stage-contradiction"]').text()).toContain('Profilen säger samlokaliserade, men gruppen har svarat att delad lokal inte är påbörjad.');
  });

  it('has no contradiction note when the placement agrees', () => {
    const card = mount(StageCard, { props: { profile: profileOf('co-located', { 'g3-shared-premises': 4 }), instrument } });
    expect(card.find('[data-testid="stage-contradiction"]').exists()).toBe(false);
  });

  it('speaks English', () => {
    setLocale('en');
    const card = mount(StageCard, { props: { profile: profileOf('near', {}), instrument } });
    expect(card.get('[data-testid="stage-step-1"]').text()).toContain('Step 1: Not assessed');
  });
});
