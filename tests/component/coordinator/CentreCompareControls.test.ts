import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CentreCompareControls from '@/components/coordinator/CentreCompareControls.vue';
import { setLocale } from '@/i18n';

const periods = [
  { period: 'HT 2026', centres: 3 },
  { period: 'VT 2026', centres: 1 },
];

function mountControls(showOrder = true) {
  return mount(CentreCompareControls, {
    props: {
      periods,
      measureOptions: [
        { key: 'overall', label: 'Helheten' },
        { key: 'goal-1', label: 'Mål 1' },
      ],
      showOrder,
      periodLabel: (period: string) => `Termin ${period}`,
      period: 'HT 2026',
      sortKey: 'name',
      order: 'desc',
      includeInProgress: false,
    },
  });
}

function optionTexts(controls: ReturnType<typeof mountControls>, id: string): string[] {
  return controls.get(`#${id}`).findAll('option').map((option) => option.text());
}

afterEach(() => setLocale('sv'));

describe('CentreCompareControls', () => {
  it('offers every period with how many centres it has, and the measures to sort by', () => {
    const controls = mountControls();
    expect(controls.get('label[for="coordinator-period"]').text()).toBe('Period');
    expect(optionTexts(controls, 'coordinator-period')).toEqual(['Termin HT 2026 (3 familjecentraler)', 'Termin VT 2026 (1 familjecentral)']);
    expect(optionTexts(controls, 'coordinator-sort')).toEqual(['Namn (A–Ö)', 'Helheten', 'Mål 1']);
    expect(optionTexts(controls, 'coordinator-order')).toEqual(['Högst först', 'Lägst först']);
  });

  it('hands each choice to the parent', async () => {
    const controls = mountControls();
    await controls.get('#coordinator-period').setValue('VT 2026');
    await controls.get('#coordinator-sort').setValue('goal-1');
    await controls.get('#coordinator-order').setValue('asc');
    await controls.get('input[type="checkbox"]').setValue(true);
    expect(controls.emitted('update:period')).toEqual([['VT 2026']]);
    expect(controls.emitted('update:sortKey')).toEqual([['goal-1']]);
    expect(controls.emitted('update:order')).toEqual([['asc']]);
    expect(controls.emitted('update:includeInProgress')).toEqual([[true]]);
  });

  it('asks for an order only when the table is sorted by a score', () => {
    expect(mountControls(false).find('#coordinator-order').exists()).toBe(false);
  });

  it('says why rounds in progress are left out, beside the choice', () => {
    const toggle = mountControls().get('.coordinator__toggle');
    expect(toggle.get('label').text()).toBe('Ta med pågående omgångar');
    expect(toggle.get('.field__hint').text()).toContain('räknas inte med i jämförelserna om du inte väljer det');
  });

  it('says it in English', () => {
    setLocale('en');
    const controls = mountControls();
    expect(optionTexts(controls, 'coordinator-period')).toEqual(['Termin HT 2026 (3 family centres)', 'Termin VT 2026 (1 family centre)']);
    expect(controls.get('label[for="coordinator-sort"]').text()).toBe('Sort by');
    expect(optionTexts(controls, 'coordinator-sort')[0]).toBe('Name (A–Z)');
    expect(optionTexts(controls, 'coordinator-order')).toEqual(['Highest first', 'Lowest first']);
    expect(controls.get('.coordinator__toggle label').text()).toBe('Include rounds in progress');
  });
});
