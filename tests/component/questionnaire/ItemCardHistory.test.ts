import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ItemCardHistory from '@/components/questionnaire/ItemCardHistory.vue';
import type { AnswerValue } from '@/domain/types';

const options = [
  { value: 1, label: 'Inte påbörjat', description: 'Ingen gemensam beskrivning.' },
  { value: 2, label: 'Påbörjat', description: 'Ett utkast finns.' },
  { value: 3, label: 'Delvis etablerat', description: 'Beskrivningen finns men används sällan.' },
  { value: 4, label: 'Etablerat och fungerar väl', description: 'Alla använder beskrivningen.' },
];
const extraLabels = { 'dont-know': 'Vet inte', 'not-relevant': 'Inte aktuellt' };

function mountHistory(chosen: AnswerValue | null, previous?: { title: string; value: AnswerValue | null; note: string }) {
  return mount(ItemCardHistory, { props: { options, extraLabels, chosen, previous } });
}

describe('ItemCardHistory', () => {
  it('shows last round’s level and note, and no change before this round is answered', () => {
    const card = mountHistory(null, { title: 'Våren', value: 2, note: 'Utkastet ligger hos BVC' });
    expect(card.get('[data-testid="item-previous"]').text()).toContain('Förra omgången (Våren): 2 Påbörjat');
    expect(card.text()).toContain('Anteckning: Utkastet ligger hos BVC');
    expect(card.find('[data-testid="item-change"]').exists()).toBe(false);
  });

  it('shows the change once answered', () => {
    expect(mountHistory(3, { title: 'Våren', value: 2, note: '' }).get('[data-testid="item-change"]').text()).toBe('Förändring sedan förra omgången: +1,0 ↑');
    expect(mountHistory(2, { title: 'Våren', value: 2, note: '' }).get('[data-testid="item-change"]').text()).toBe('Samma nivå som förra omgången');
    expect(mountHistory(2, { title: 'Våren', value: 'dont-know', note: '' }).find('[data-testid="item-change"]').exists()).toBe(false);
  });

  it('says what the next level takes, with the chosen level', () => {
    const next = mountHistory(2).get('[data-testid="item-next-level"]');
    expect(next.text()).toContain('Vald nivå: 2 Påbörjat – Ett utkast finns.');
    expect(next.text()).toContain('Nästa nivå: 3 Delvis etablerat – Beskrivningen finns men används sällan.');
    expect(mountHistory(4).get('[data-testid="item-next-level"]').text()).toContain('Den högsta nivån är vald.');
    expect(mountHistory(null).find('[data-testid="item-next-level"]').exists()).toBe(false);
  });

  it('shows nothing of a last round when there was none', () => {
    expect(mountHistory(3).find('[data-testid="item-previous"]').exists()).toBe(false);
  });
});
