import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ReportStage from '@/components/report/ReportStage.vue';
import { deriveStage } from '@/domain/stage';
import { setLocale } from '@/i18n';
import { stageInstrument, stageScores } from '../../fixtures/scores';

/** Stage 2: every service but separate premises; goal-2 at 2,75 (under 3). */
const stage2 = deriveStage(
  { services: ['bmm', 'bvc', 'openPreschool', 'socialServices'], coLocation: 'separate' },
  stageScores({ 'goal-1': [3, 3, 2, 2], 'goal-2': [3, 3, 3, 2], 'goal-3': [3] }),
);
const stage0 = deriveStage({ services: ['bvc'], coLocation: 'separate' }, stageScores({}));

function mountStage(result = stage2) {
  return mount(ReportStage, { props: { result, instrument: stageInstrument } });
}

const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** What a screen reader reads: the hidden status and the description, without the aria-hidden mark. */
function spoken(li: { text: () => string; get: (selector: string) => { text: () => string } } | undefined): string {
  if (!li) return '';
  return squash(li.text().replace(li.get('.report-stage__mark').text(), ''));
}

afterEach(() => {
  setLocale('sv');
});

describe('ReportStage', () => {
  it('names the stage under the heading', () => {
    const stage = mountStage();
    expect(stage.get('h2').text()).toBe('Steg på vägen mot familjecentral');
    expect(stage.get('.report-stage__current').text()).toBe('Steg 2 av 4: Utökad samverkan med BVC och BMM');
    expect(mountStage(stage0).get('.report-stage__current').text()).toBe('Före steg 1: arbetet mot familjecentral har inte börjat enligt stegen');
  });

  it('shows every rule open on the page: no <details> to click on paper', () => {
    const stage = mountStage();
    expect(stage.find('details').exists()).toBe(false);
    expect(stage.get('.report-stage__intro').text()).toContain('Ett steg är nått när dess villkor');
    const steps = stage.findAll('.report-stage__steps > li');
    expect(steps.map((li) => li.get('strong').text())).toEqual([
      'Steg 1: Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan',
      'Steg 2: Utökad samverkan med BVC och BMM',
      'Steg 3: Lokalisering nära varandra och tätt samarbete',
      'Steg 4: Samlokalisering – en familjecentral',
    ]);
    expect(steps.map((li) => li.findAll('ul > li').length)).toEqual([2, 2, 2, 3]);
  });

  it('marks each criterion with ✓ or ✗ and a spoken status, and the steps reached', () => {
    const stage = mountStage();
    const criteria = stage.findAll('.report-stage__steps ul > li');
    const expected = stage2.steps.flatMap((step) => step.criteria.map((c) => c.met));
    expect(criteria.map((li) => li.get('.report-stage__mark').text())).toEqual(expected.map((met) => (met ? '✓' : '✗')));
    expect(criteria.every((li) => li.get('.report-stage__mark').attributes('aria-hidden') === 'true')).toBe(true);
    expect(criteria.map((li) => li.get('.visually-hidden').text())).toEqual(expected.map((met) => (met ? 'Uppfyllt:' : 'Inte uppfyllt:')));
    expect(spoken(criteria[3])).toBe('Uppfyllt: Mål 2 (Mål 2): medelvärde minst 2,5 (nu 2,75)');
    const steps = stage.findAll('.report-stage__steps > li');
    expect(steps.map((li) => li.classes('report-stage__step--reached'))).toEqual([true, true, false, false]);
    expect(steps.map((li) => li.attributes('aria-current'))).toEqual([undefined, 'step', undefined, undefined]);
  });

  it('shows "–" for a goal without a score', () => {
    const stage = mountStage(stage0);
    expect(spoken(stage.findAll('.report-stage__steps ul > li')[1])).toBe('Inte uppfyllt: Mål 1 (Mål 1): medelvärde minst 2,5 (nu –)');
  });

  it('is in English after switching the language', async () => {
    const stage = mountStage();
    setLocale('en');
    await stage.vm.$nextTick();
    expect(stage.get('h2').text()).toBe('Stage on the path to a family centre');
    expect(stage.get('.report-stage__current').text()).toBe('Stage 2 of 4: Extended cooperation with BVC and BMM');
  });
});
