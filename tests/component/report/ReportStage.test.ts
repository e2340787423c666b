import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ReportStage from '@/components/report/ReportStage.vue';
import { parseInstrument } from '@/domain/instrument';
import { roundPathProfile } from '@/domain/path';
import { setLocale } from '@/i18n';
import { rawDefaultInstrument } from '../../fixtures/instruments';
import { scoresFor } from '../../fixtures/scores';

const instrument = parseInstrument(rawDefaultInstrument());
const profile = roundPathProfile(
  { services: ['bmm', 'bvc', 'openPreschool', 'socialServices'], coLocation: 'separate' },
  scoresFor(instrument, { values: { 'g2-working-group': 4, 'g2-know-missions': 3, 'g3-shared-premises': 1 }, skipped: ['goal-1'] }),
  instrument,
);

const mountStage = () => mount(ReportStage, { props: { profile, instrument } });
const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();

describe('ReportStage', () => {
  afterEach(() => setLocale('sv'));

  it('names the profile under the heading, one line per step', () => {
    const stage = mountStage();
    expect(stage.get('h2').text()).toBe('Steg på vägen mot familjecentral');
    expect(stage.findAll('.report-stage__summary li').map((li) => squash(li.text()))).toEqual([
      'Steg 1: Inte bedömt – Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan',
      'Steg 2: Taget – Utökad samverkan med BVC och BMM',
      'Steg 3: Inte än – Lokalisering nära varandra och tätt samarbete',
      'Steg 4: På väg – Samlokalisering – en familjecentral',
    ]);
  });

  it('shows every step’s evidence open on the page: no <details> to click on paper', () => {
    const stage = mountStage();
    expect(stage.find('details').exists()).toBe(false);
    expect(stage.findAll('[data-testid^="stage-evidence-"]')).toHaveLength(4);
    expect(stage.get('[data-testid="stage-evidence-2"]').text()).toContain('Underlaget (Stockholms stad, 2016): ”Utökad samverkan med BVC och BMM.”');
  });

  it('is in English after switching the language', async () => {
    const stage = mountStage();
    setLocale('en');
    await stage.vm.$nextTick();
    expect(stage.get('h2').text()).toBe('Steps on the path to a family centre');
  });
});
