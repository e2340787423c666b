import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import StageCard from '@/components/results/StageCard.vue';
import { deriveStage, type StageResult } from '@/domain/stage';
import type { AnswerValue, BaseService, Centre, Instrument, LocalizedText } from '@/domain/types';
import { setLocale } from '@/i18n';
import { stageInstrument, stageScores } from '../../fixtures/scores';

const text = (sv: string, en: string = sv): LocalizedText => ({ sv, en });

/** stageInstrument with goal titles that differ from "Mål N", so the criterion text shows both. */
const titles: Record<string, LocalizedText> = {
  'goal-1': text('Tidiga insatser', 'Early interventions'),
  'goal-2': text('Samverkan', 'Cooperation'),
  'goal-3': text('Samlokalisering', 'Co-location'),
  'goal-4': text('Övrigt', 'Other'),
};
const instrument: Instrument = {
  ...stageInstrument,
  goals: stageInstrument.goals.map((goal) => ({ ...goal, title: titles[goal.id] ?? goal.title })),
};

type Ratings = Readonly<Record<string, readonly (AnswerValue | null)[]>>;

const centre = (services: readonly BaseService[], coLocation: Centre['coLocation']): Pick<Centre, 'services' | 'coLocation'> => ({
  services: [...services],
  coLocation,
});
const ALL: BaseService[] = ['bmm', 'bvc', 'openPreschool', 'socialServices'];

/**
 * Stage 2: every service, but separate premises. goal-1 3,3,2,2 → 2,5; goal-2 3,3,3,2 → 2,75
 * (at least 2,5 but under 3); goal-3 3 → 3,0.
 */
const stage2Ratings: Ratings = { 'goal-1': [3, 3, 2, 2], 'goal-2': [3, 3, 3, 2], 'goal-3': [3] };
const stage2: StageResult = deriveStage(centre(ALL, 'separate'), stageScores(stage2Ratings));

/** Stage 0: no social services, and goal-1 is not rated at all. */
const stage0: StageResult = deriveStage(centre(['bvc', 'bmm'], 'separate'), stageScores({ 'goal-2': [1, 2] }));

function mountCard(result: StageResult) {
  return mount(StageCard, { props: { result, instrument } });
}

type Card = ReturnType<typeof mountCard>;

const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();

function markers(card: Card) {
  return card.get('.stage-card__path').findAll('li');
}

/** Criteria of the "why" list, stage by stage: symbol, hidden status and the spoken text. */
function criteria(card: Card) {
  return card.get('.stage-card__steps').findAll(':scope > li').map((step) => ({
    label: step.get('strong').text(),
    criteria: step.findAll('ul > li').map((li) => {
      const spans = li.findAll('span');
      return {
        symbol: spans[0]?.text(),
        symbolHidden: spans[0]?.attributes('aria-hidden'),
        status: spans[1]?.text(),
        statusClass: spans[1]?.classes(),
        /** What a screen reader reads: the status and the description, without the aria-hidden symbol. */
        text: squash(li.text().replace(spans[0]?.text() ?? '', '')),
        className: li.classes(),
      };
    }),
  }));
}

afterEach(() => {
  setLocale('sv');
});

describe('StageCard', () => {
  it('has the heading and names stage 2 as "Steg 2 av 4: Utökad samverkan med BVC och BMM"', () => {
    expect(stage2.stage).toBe(2);
    const card = mountCard(stage2);
    expect(card.get('h3').text()).toBe('Steg på vägen mot familjecentral');
    expect(card.get('.stage-card__current').text()).toBe('Steg 2 av 4: Utökad samverkan med BVC och BMM');
  });

  it('names stage 0 as "Före steg 1: …"', () => {
    expect(stage0.stage).toBe(0);
    const card = mountCard(stage0);
    expect(card.get('.stage-card__current').text()).toBe('Före steg 1: arbetet mot familjecentral har inte börjat enligt stegen');
  });

  it('names stage 4', () => {
    const result = deriveStage(centre(ALL, 'co-located'), stageScores({ 'goal-1': [3], 'goal-2': [3], 'goal-3': [3] }));
    expect(result.stage).toBe(4);
    expect(mountCard(result).get('.stage-card__current').text()).toBe('Steg 4 av 4: Samlokalisering – en familjecentral');
  });

  it('shows the four path markers in an ordered list named after the heading, the current one with aria-current="step"', () => {
    const card = mountCard(stage2);
    const path = card.get('ol.stage-card__path');
    expect(path.attributes('aria-label')).toBe('Steg på vägen mot familjecentral');
    expect(markers(card).map((li) => li.text())).toEqual(['1', '2', '3', '4']);
    expect(markers(card).map((li) => li.attributes('aria-current'))).toEqual([undefined, 'step', undefined, undefined]);
    expect(markers(card).map((li) => li.classes('stage-card__step--reached'))).toEqual([true, true, false, false]);
  });

  it('marks no path marker as current or reached at stage 0', () => {
    const card = mountCard(stage0);
    expect(markers(card)).toHaveLength(4);
    expect(markers(card).some((li) => li.attributes('aria-current') !== undefined)).toBe(false);
    expect(markers(card).some((li) => li.classes('stage-card__step--reached'))).toBe(false);
  });

  it('explains "Varför detta steg?" in a details element with every step and criterion', () => {
    const card = mountCard(stage2);
    const details = card.get('details.stage-card__why');
    expect(details.get('summary').text()).toBe('Varför detta steg?');
    expect(details.text()).toContain('Ett steg är nått när dess villkor och alla tidigare stegs villkor är uppfyllda.');
    const steps = criteria(card);
    expect(steps.map((s) => s.label)).toEqual([
      'Steg 1: Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan',
      'Steg 2: Utökad samverkan med BVC och BMM',
      'Steg 3: Lokalisering nära varandra och tätt samarbete',
      'Steg 4: Samlokalisering – en familjecentral',
    ]);
    const total = stage2.steps.reduce((sum, step) => sum + step.criteria.length, 0);
    expect(steps.flatMap((s) => s.criteria)).toHaveLength(total);
    expect(steps.map((s) => s.criteria.length)).toEqual([2, 2, 2, 3]);
  });

  it('marks each criterion ✓ or ✗ (hidden from screen readers) with a visually hidden "Uppfyllt"/"Inte uppfyllt"', () => {
    const card = mountCard(stage2);
    const all = criteria(card).flatMap((s) => s.criteria);
    const expected = stage2.steps.flatMap((step) => step.criteria.map((c) => c.met));
    expect(all.map((c) => c.symbol)).toEqual(expected.map((met) => (met ? '✓' : '✗')));
    expect(all.map((c) => c.status)).toEqual(expected.map((met) => (met ? 'Uppfyllt:' : 'Inte uppfyllt:')));
    expect(all.every((c) => c.symbolHidden === 'true')).toBe(true);
    expect(all.every((c) => c.statusClass?.includes('visually-hidden'))).toBe(true);
    expect(all.map((c) => c.className.includes('met'))).toEqual(expected);
    expect(all.map((c) => c.className.includes('not-met'))).toEqual(expected.map((met) => !met));
  });

  it('describes every criterion: services, goal with its score, and location', () => {
    const card = mountCard(stage2);
    expect(criteria(card).map((s) => s.criteria.map((c) => c.text))).toEqual([
      [
        'Uppfyllt: Deltar: Socialtjänst, Öppen förskola',
        'Uppfyllt: Mål 1 (Tidiga insatser): medelvärde minst 2,5 (nu 2,50)',
      ],
      ['Uppfyllt: Deltar: BVC, BMM', 'Uppfyllt: Mål 2 (Samverkan): medelvärde minst 2,5 (nu 2,75)'],
      [
        'Inte uppfyllt: Placering: Nära varandra men inte i samma lokaler eller Samlokaliserade i samma lokaler (nu: På olika platser)',
        'Inte uppfyllt: Mål 2 (Samverkan): medelvärde minst 3,0 (nu 2,75)',
      ],
      [
        'Inte uppfyllt: Placering: Samlokaliserade i samma lokaler (nu: På olika platser)',
        'Uppfyllt: Deltar: BMM, BVC, Öppen förskola, Socialtjänst',
        'Uppfyllt: Mål 3 (Samlokalisering): medelvärde minst 3,0 (nu 3,00)',
      ],
    ]);
  });

  it('shows "–" as the score of a goal without one', () => {
    const card = mountCard(stage0);
    const first = criteria(card)[0]?.criteria;
    expect(first?.[0]?.text).toBe('Inte uppfyllt: Deltar: Socialtjänst, Öppen förskola');
    expect(first?.[1]?.text).toBe('Inte uppfyllt: Mål 1 (Tidiga insatser): medelvärde minst 2,5 (nu –)');
    expect(criteria(card)[1]?.criteria[1]?.text).toBe('Inte uppfyllt: Mål 2 (Samverkan): medelvärde minst 2,5 (nu 1,50)');
  });

  it('falls back to the goal id for a goal the instrument lacks', () => {
    const card = mount(StageCard, { props: { result: stage2, instrument: { ...instrument, goals: [] } } });
    expect(criteria(card)[0]?.criteria[1]?.text).toBe('Uppfyllt: goal-1: medelvärde minst 2,5 (nu 2,50)');
  });

  it('is in English after switching the language', async () => {
    const card = mountCard(stage2);
    setLocale('en');
    await card.vm.$nextTick();
    expect(card.get('h3').text()).toBe('Stage on the path to a family centre');
    expect(card.get('.stage-card__current').text()).toBe('Stage 2 of 4: Extended cooperation with BVC and BMM');
    expect(card.get('summary').text()).toBe('Why this stage?');
    const steps = criteria(card);
    expect(steps[1]?.criteria.map((c) => c.text)).toEqual([
      'Met: Taking part: BVC, BMM',
      'Met: Goal 2 (Cooperation): mean at least 2.5 (now 2.75)',
    ]);
    expect(steps[2]?.criteria[0]?.text).toMatch(/^Not met: Location: /);
  });
});
