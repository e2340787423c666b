import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import IndividualItem from '@/components/questionnaire/IndividualItem.vue';
import type { InstrumentItem } from '@/domain/types';
import { smallInstrument } from '../../fixtures/instruments';

const item = smallInstrument.goals[0]?.items[0];
if (!item) throw new Error('fixture changed');

function mountItem(unsaved?: boolean) {
  return mount(IndividualItem, {
    props: { item: item as InstrumentItem, number: 1, total: 2, levels: smallInstrument.scale.levels, value: null, ...(unsaved === undefined ? {} : { unsaved }) },
  });
}

describe('IndividualItem', () => {
  it('keeps a rating that could not be saved chosen, and says it is not saved yet', async () => {
    const card = mountItem();
    await card.findAll<HTMLInputElement>('input[type="radio"]')[1]?.setValue();
    expect(card.emitted('answer')).toEqual([[2]]);
    expect(card.find('.individual-item__unsaved').exists()).toBe(false);
    await card.setProps({ unsaved: true });
    expect(card.classes()).toContain('individual-item--unsaved');
    expect(card.get('[role="status"]').text()).toBe('Svaret är inte sparat än. Appen försöker igen.');
    expect(card.findAll<HTMLInputElement>('input[type="radio"]')[1]?.element.checked).toBe(true);
  });
});
