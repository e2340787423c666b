import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import ItemCard from '@/components/questionnaire/ItemCard.vue';
import { DRAFT_DELAY_MS } from '@/composables/useDraftText';
import type { AnswerValue, InstrumentItem } from '@/domain/types';
import { setLocale } from '@/i18n';
import { loadDefaultInstrument } from '@/instrument';
import { smallInstrument } from '../fixtures/instruments';

const [itemWithDescriptors, itemWithoutDescriptors] = smallInstrument.goals[0]?.items ?? [];
if (!itemWithDescriptors || !itemWithoutDescriptors) throw new Error('fixture changed');

interface CardProps {
  item?: InstrumentItem;
  value?: AnswerValue | null;
  note?: string;
  muted?: boolean;
}

function mountCard({ item = itemWithDescriptors, value = null, note = '', muted }: CardProps = {}) {
  return mount(ItemCard, {
    props: {
      item: item as InstrumentItem,
      number: 1,
      total: 2,
      levels: smallInstrument.scale.levels,
      value,
      note,
      ...(muted === undefined ? {} : { muted }),
    },
    attachTo: document.body,
  });
}

type Card = ReturnType<typeof mountCard>;

function radios(card: Card) {
  return card.findAll<HTMLInputElement>('input[type="radio"]');
}

function radioLabelled(card: Card, text: string) {
  const label = card.findAll('label').find((l) => l.text().includes(text));
  if (!label) throw new Error(`no option "${text}"`);
  return label.get<HTMLInputElement>('input[type="radio"]');
}

function clearButton(card: Card) {
  return card.findAll('button').find((b) => b.text() === 'Rensa svaret');
}

afterEach(() => {
  vi.useRealTimers();
  setLocale('sv');
});

describe('ItemCard', () => {
  it('shows the statement as a heading and the counter', () => {
    const card = mountCard();
    expect(card.get('h3').text()).toBe('Vi har ett påstående A1');
    expect(card.text()).toContain('Påstående 1 av 2');
  });

  it('leaves the counter out when its caller numbers it (the group\'s own statements)', async () => {
    const card = mountCard();
    await card.setProps({ hideCounter: true });
    expect(card.text()).not.toContain('Påstående 1 av 2');
    expect(card.get('h3').text()).toBe('Vi har ett påstående A1');
  });

  it('offers the four levels, "Vet inte" and "Inte aktuellt" as six radios in one group', () => {
    const card = mountCard();
    const all = radios(card);
    expect(all).toHaveLength(6);
    expect(all.map((r) => r.element.value)).toEqual(['1', '2', '3', '4', 'dont-know', 'not-relevant']);
    const names = new Set(all.map((r) => r.attributes('name')));
    expect(names.size).toBe(1);
    expect([...names][0]).toBeTruthy();
    expect(radioLabelled(card, 'Vet inte').element.value).toBe('dont-know');
    expect(radioLabelled(card, 'Inte aktuellt').element.value).toBe('not-relevant');
  });

  it('gives each card on a page its own radio group and its own heading id', () => {
    const page = mount(
      defineComponent(() => () =>
        [itemWithDescriptors, itemWithoutDescriptors].map((item, index) =>
          h(ItemCard, { item, number: index + 1, total: 2, levels: smallInstrument.scale.levels, value: null, note: '' }),
        ),
      ),
    );
    const cards = page.findAllComponents(ItemCard);
    expect(cards).toHaveLength(2);
    const [first, second] = cards.map((card) => card.findAll('input[type="radio"]').map((r) => r.attributes('name')));
    expect(new Set(first).size).toBe(1);
    expect(new Set(second).size).toBe(1);
    expect(first?.[0]).not.toBe(second?.[0]);
    const labels = cards.map((card) => card.get('fieldset').attributes('aria-labelledby'));
    expect(labels[0]).not.toBe(labels[1]);
  });

  it('labels the radio group with the statement', () => {
    const card = mountCard();
    const fieldset = card.get('fieldset');
    const labelledBy = fieldset.attributes('aria-labelledby');
    expect(labelledBy).toBeTruthy();
    const heading = document.getElementById(labelledBy ?? '');
    expect(heading?.tagName).toBe('H3');
    expect(heading?.textContent).toBe('Vi har ett påstående A1');
    expect(fieldset.element.contains(radios(card)[0]?.element ?? null)).toBe(true);
    expect(fieldset.element.contains(radioLabelled(card, 'Vet inte').element)).toBe(true);
  });

  it('labels every level with its number, its label and the item’s own descriptor', () => {
    const card = mountCard();
    const text = radioLabelled(card, 'Nivå 3').element.closest('label')?.textContent ?? '';
    expect(text).toContain('3');
    expect(text).toContain('A1 nivå 3');
    expect(card.text()).not.toContain('Beskrivning 3');
  });

  it('uses the scale descriptions for an item without its own descriptors', () => {
    const card = mountCard({ item: itemWithoutDescriptors });
    for (const n of [1, 2, 3, 4]) expect(card.text()).toContain(`Beskrivning ${String(n)}`);
  });

  it('shows the real instrument’s descriptors for its items', async () => {
    const instrument = await loadDefaultInstrument();
    const item = instrument.goals[2]?.items[0];
    if (!item?.levels) throw new Error('expected descriptors');
    const card = mount(ItemCard, {
      props: { item, number: 1, total: 7, levels: instrument.scale.levels, value: null, note: '' },
    });
    for (const descriptor of item.levels) expect(card.text()).toContain(descriptor.sv);
    expect(card.get('h3').text()).toBe(item.statement.sv);
  });

  it('shows help behind a disclosure when the item has help', () => {
    expect(mountCard().get('details summary').text()).toBe('Att titta på');
    expect(mountCard().get('details').text()).toContain('Titta på A1');
    expect(mountCard({ item: itemWithoutDescriptors }).find('details').exists()).toBe(false);
  });

  it('emits the rating 3 when the third level is chosen', async () => {
    const card = mountCard();
    await radios(card)[2]?.setValue();
    expect(card.emitted('answer')).toEqual([[3]]);
  });

  it('emits a number, not the text of the radio value', async () => {
    const card = mountCard();
    await radios(card)[0]?.setValue();
    expect(card.emitted('answer')?.[0]?.[0]).toBe(1);
  });

  it('emits "dont-know" for Vet inte and "not-relevant" for Inte aktuellt', async () => {
    const card = mountCard();
    await radioLabelled(card, 'Vet inte').setValue();
    await radioLabelled(card, 'Inte aktuellt').setValue();
    expect(card.emitted('answer')).toEqual([['dont-know'], ['not-relevant']]);
  });

  it.each<[AnswerValue, number]>([
    [1, 0],
    [4, 3],
    ['dont-know', 4],
    ['not-relevant', 5],
  ])('checks the radio of the stored answer %j', (value, index) => {
    const card = mountCard({ value });
    expect(radios(card).map((r) => r.element.checked)).toEqual([0, 1, 2, 3, 4, 5].map((i) => i === index));
  });

  it('checks nothing when there is no answer', () => {
    expect(radios(mountCard()).some((r) => r.element.checked)).toBe(false);
  });

  it('follows the stored answer when it changes', async () => {
    const card = mountCard({ value: 2 });
    await card.setProps({ value: 4 });
    expect(radios(card)[3]?.element.checked).toBe(true);
    expect(radios(card)[1]?.element.checked).toBe(false);
    await card.setProps({ value: null });
    expect(radios(card).some((r) => r.element.checked)).toBe(false);
  });

  it('shows the clear button only when there is an answer, and it emits null', async () => {
    expect(clearButton(mountCard())).toBeUndefined();
    expect(clearButton(mountCard({ value: 'dont-know' }))).toBeDefined();
    const card = mountCard({ value: 2 });
    const button = clearButton(card);
    expect(button?.attributes('type')).toBe('button');
    await button?.trigger('click');
    expect(card.emitted('answer')).toEqual([[null]]);
  });

  it('marks the card as answered', () => {
    expect(mountCard({ value: 2 }).classes()).toContain('item-card--answered');
    expect(mountCard().classes()).not.toContain('item-card--answered');
  });

  it('can be shown muted when its goal is not relevant', () => {
    expect(mountCard({ muted: true }).classes()).toContain('item-card--muted');
    expect(mountCard().classes()).not.toContain('item-card--muted');
  });

  it('tells when the group starts working on it', async () => {
    const card = mountCard();
    await radios(card)[0]?.trigger('focusin');
    expect(card.emitted('focus')).toHaveLength(1);
  });

  describe('the note', () => {
    it('shows the stored note in a labelled text area', () => {
      const card = mountCard({ note: 'Vi har en plan' });
      const textarea = card.get<HTMLTextAreaElement>('textarea');
      expect(textarea.element.value).toBe('Vi har en plan');
      expect(card.get(`label[for="${textarea.attributes('id') ?? ''}"]`).text()).toBe('Anteckning');
    });

    it('emits the note after a pause in typing, not on every key', async () => {
      vi.useFakeTimers();
      const card = mountCard();
      const textarea = card.get('textarea');
      await textarea.setValue('V');
      await textarea.setValue('Vi');
      vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
      expect(card.emitted('note')).toBeUndefined();
      await textarea.setValue('Vi ses');
      vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
      expect(card.emitted('note')).toBeUndefined();
      vi.advanceTimersByTime(1);
      expect(card.emitted('note')).toEqual([['Vi ses']]);
    });

    it('waits 300 ms', () => {
      expect(DRAFT_DELAY_MS).toBe(300);
    });

    it('emits the note at once when the field loses focus, and only once', async () => {
      vi.useFakeTimers();
      const card = mountCard();
      const textarea = card.get('textarea');
      await textarea.setValue('Anteckning');
      await textarea.trigger('blur');
      expect(card.emitted('note')).toEqual([['Anteckning']]);
      vi.advanceTimersByTime(DRAFT_DELAY_MS * 2);
      expect(card.emitted('note')).toHaveLength(1);
    });

    it('emits nothing on blur when nothing was typed', async () => {
      const card = mountCard({ note: 'Sparad' });
      await card.get('textarea').trigger('blur');
      expect(card.emitted('note')).toBeUndefined();
    });

    it('emits nothing when the text is typed back to what was stored', async () => {
      const card = mountCard({ note: 'Sparad' });
      const textarea = card.get('textarea');
      await textarea.setValue('Sparad!');
      await textarea.setValue('Sparad');
      await textarea.trigger('blur');
      expect(card.emitted('note')).toBeUndefined();
    });

    it('can empty a note', async () => {
      const card = mountCard({ note: 'Gammal' });
      const textarea = card.get('textarea');
      await textarea.setValue('');
      await textarea.trigger('blur');
      expect(card.emitted('note')).toEqual([['']]);
    });

    it('saves what was typed when the card goes away before the pause ends', async () => {
      vi.useFakeTimers();
      const saved: string[] = [];
      const shown = ref(true);
      const page = mount(
        defineComponent(() => () =>
          shown.value
            ? h(ItemCard, {
                item: itemWithDescriptors,
                number: 1,
                total: 2,
                levels: smallInstrument.scale.levels,
                value: null,
                note: '',
                onNote: (text: string) => saved.push(text),
              })
            : null,
        ),
      );
      await page.get('textarea').setValue('Sista orden');
      shown.value = false;
      await nextTick();
      expect(page.find('textarea').exists()).toBe(false);
      expect(saved).toEqual(['Sista orden']);
      vi.advanceTimersByTime(DRAFT_DELAY_MS);
      expect(saved).toEqual(['Sista orden']);
    });

    it('saves what was typed when the page is hidden (tablet locked, app switched)', async () => {
      const card = mountCard();
      await card.get('textarea').setValue('Innan skärmen släcks');
      const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
      document.dispatchEvent(new Event('visibilitychange'));
      visibility.mockRestore();
      expect(card.emitted('note')).toEqual([['Innan skärmen släcks']]);
    });

    it('takes a note changed elsewhere while nothing is being typed', async () => {
      const card = mountCard({ note: 'Först' });
      await card.setProps({ note: 'Från en annan flik' });
      expect(card.get<HTMLTextAreaElement>('textarea').element.value).toBe('Från en annan flik');
    });

    it('does not overwrite what is being typed with a note changed elsewhere', async () => {
      vi.useFakeTimers();
      const card = mountCard({ note: 'Först' });
      await card.get('textarea').setValue('Skriver nu');
      await card.setProps({ note: 'Från en annan flik' });
      expect(card.get<HTMLTextAreaElement>('textarea').element.value).toBe('Skriver nu');
      vi.advanceTimersByTime(DRAFT_DELAY_MS);
      expect(card.emitted('note')).toEqual([['Skriver nu']]);
    });
  });

  it('shows HTML in a statement as text, never as markup', () => {
    const item: InstrumentItem = {
      id: 'html',
      statement: { sv: '<b>Fet</b> <img src="x" onerror="alert(1)">', en: '<i>x</i>' },
    };
    const card = mountCard({ item });
    const heading = card.get('h3');
    expect(heading.text()).toBe('<b>Fet</b> <img src="x" onerror="alert(1)">');
    expect(heading.find('b').exists()).toBe(false);
    expect(card.find('img').exists()).toBe(false);
  });

  it('is in English after switching the language', async () => {
    const card = mountCard({ value: 2 });
    setLocale('en');
    await card.vm.$nextTick();
    expect(card.get('h3').text()).toBe('We have a statement A1');
    expect(card.text()).toContain('Statement 1 of 2');
    expect(radioLabelled(card, 'Don’t know').element.value).toBe('dont-know');
    expect(radioLabelled(card, 'Not relevant').element.value).toBe('not-relevant');
    expect(card.text()).toContain('Level 3');
    expect(card.text()).toContain('A1 level 3');
    expect(card.findAll('button').some((b) => b.text() === 'Clear the answer')).toBe(true);
    expect(card.get('label[for]').text()).toBe('Note');
    expect(card.text()).not.toContain('Vet inte');
  });
});
