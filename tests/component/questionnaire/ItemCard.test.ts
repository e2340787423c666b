import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import ItemCard from '@/components/questionnaire/ItemCard.vue';
import type { DraftWriter } from '@/composables/useDraftText';
import { connection, TextConflictError } from '@/db';
import { loadDatabase } from '@/stores/deferredDatabase';
import { useSaveStatusStore } from '@/stores/saveStatus';
import type { AnswerValue, InstrumentItem } from '@/domain/types';
import { setLocale } from '@/i18n';
import { loadDefaultInstrument } from '@/instrument';
import { smallInstrument } from '../../fixtures/instruments';

const [itemWithDescriptors, itemWithoutDescriptors] = smallInstrument.goals[0]?.items ?? [];
if (!itemWithDescriptors || !itemWithoutDescriptors) throw new Error('fixture changed');

interface CardProps {
  item?: InstrumentItem;
  value?: AnswerValue | null;
  note?: string;
  muted?: boolean;
  saveNote?: DraftWriter;
}

let pinia: Pinia;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
});

/** The texts a note field wrote, with the stored text each write started from. */
function noteWriter(): DraftWriter & { calls: [text: string, base: string][] } {
  const calls: [string, string][] = [];
  const writer = (text: string, base: string) => {
    calls.push([text, base]);
    return Promise.resolve();
  };
  return Object.assign(writer, { calls });
}

function mountCard({ item = itemWithDescriptors, value = null, note = '', muted, saveNote = noteWriter() }: CardProps = {}) {
  return mount(ItemCard, {
    props: {
      item: item as InstrumentItem,
      number: 1,
      total: 2,
      levels: smallInstrument.scale.levels,
      value,
      note,
      saveNote,
      ...(muted === undefined ? {} : { muted }),
    },
    global: { plugins: [pinia] },
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
          h(ItemCard, { item, number: index + 1, total: 2, levels: smallInstrument.scale.levels, value: null, note: '', saveNote: noteWriter() }),
        ),
      ),
      { global: { plugins: [pinia] } },
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
      props: { item, number: 1, total: 7, levels: instrument.scale.levels, value: null, note: '', saveNote: noteWriter() },
      global: { plugins: [pinia] },
    });
    for (const descriptor of item.levels) expect(card.text()).toContain(descriptor.sv);
    expect(card.get('h3').text()).toBe(item.statement.sv);
  });

  it('shows a fact the app holds beside the statement, and still asks the group to rate', () => {
    const card = mount(ItemCard, {
      props: { item: itemWithDescriptors, number: 1, total: 2, levels: smallInstrument.scale.levels, value: null, note: '', saveNote: noteWriter(), hint: 'Omgångar 2026 i appen: 2' },
      global: { plugins: [pinia] },
    });
    expect(card.get('[data-testid="item-hint"]').text()).toContain('Det appen vet: Omgångar 2026 i appen: 2');
    expect(card.findAll('input[type="radio"]:checked')).toHaveLength(0);
    expect(mountCard().find('[data-testid="item-hint"]').exists()).toBe(false);
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

  it('marks a choice that could not be saved, with a message, while it stays chosen', async () => {
    const card = mountCard({ value: 2 });
    expect(card.find('.item-card__unsaved').exists()).toBe(false);
    await radios(card)[3]?.setValue();
    await card.setProps({ unsaved: true });
    expect(card.classes()).toContain('item-card--unsaved');
    expect(card.get('.item-card__unsaved').text()).toBe('Svaret är inte sparat än. Appen försöker igen.');
    expect(radios(card)[3]?.element.checked).toBe(true);
    // Stored at last: the stored value catches up and the mark goes.
    await card.setProps({ unsaved: false, value: 4 });
    expect(card.find('.item-card__unsaved').exists()).toBe(false);
    expect(radios(card)[3]?.element.checked).toBe(true);
  });

  describe('the note', () => {
    it('shows the stored note in a labelled text area', () => {
      const card = mountCard({ note: 'Vi har en plan' });
      const textarea = card.get<HTMLTextAreaElement>('textarea');
      expect(textarea.element.value).toBe('Vi har en plan');
      expect(card.get(`label[for="${textarea.attributes('id') ?? ''}"]`).text()).toBe('Anteckning');
    });

    it('writes at once, without waiting for a pause, naming the stored text the edit started from', async () => {
      const saveNote = noteWriter();
      const card = mountCard({ note: 'Vi', saveNote });
      await card.get('textarea').setValue('Vi ses');
      expect(saveNote.calls).toEqual([['Vi ses', 'Vi']]);
    });

    it('writes one text at a time: what is typed during a write goes in the next one, from the text just written', async () => {
      const pending: (() => void)[] = [];
      const calls: [string, string][] = [];
      const saveNote: DraftWriter = (text, base) => {
        calls.push([text, base]);
        return new Promise<void>((resolve) => pending.push(resolve));
      };
      const card = mountCard({ saveNote });
      const textarea = card.get('textarea');
      await textarea.setValue('V');
      await textarea.setValue('Vi');
      await textarea.setValue('Vi ses');
      expect(calls).toEqual([['V', '']]);
      pending.shift()?.();
      await flushPromises();
      expect(calls).toEqual([['V', ''], ['Vi ses', 'V']]);
      pending.shift()?.();
      await flushPromises();
      expect(calls).toHaveLength(2);
    });

    it('keeps the save status saying "saving" until the last text is written', async () => {
      let finish: () => void = () => undefined;
      const card = mountCard({ saveNote: () => new Promise<void>((resolve) => (finish = resolve)) });
      const save = useSaveStatusStore();
      await card.get('textarea').setValue('Halvskrivet');
      expect(save.state).toBe('saving');
      finish();
      await flushPromises();
      expect(save.state).toBe('idle');
    });

    it('writes nothing on blur when nothing was typed', async () => {
      const saveNote = noteWriter();
      const card = mountCard({ note: 'Sparad', saveNote });
      await card.get('textarea').trigger('blur');
      expect(saveNote.calls).toEqual([]);
    });

    it('can empty a note', async () => {
      const saveNote = noteWriter();
      const card = mountCard({ note: 'Gammal', saveNote });
      await card.get('textarea').setValue('');
      expect(saveNote.calls).toEqual([['', 'Gammal']]);
    });

    it('writes what failed again when the card goes away, and on pagehide, freeze and hidden', async () => {
      let fail = true;
      const calls: string[] = [];
      const saveNote: DraftWriter = (text) => {
        calls.push(text);
        return fail ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : Promise.resolve();
      };
      const shown = ref(true);
      const page = mount(
        defineComponent(() => () =>
          shown.value
            ? h(ItemCard, { item: itemWithDescriptors, number: 1, total: 2, levels: smallInstrument.scale.levels, value: null, note: '', saveNote })
            : null,
        ),
        { global: { plugins: [pinia] } },
      );
      await page.get('textarea').setValue('Sista orden');
      await flushPromises();
      for (const fire of [
        () => window.dispatchEvent(new Event('pagehide')),
        () => document.dispatchEvent(new Event('freeze')),
        () => {
          const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
          document.dispatchEvent(new Event('visibilitychange'));
          visibility.mockRestore();
        },
      ]) {
        fire();
        await flushPromises();
      }
      expect(calls).toEqual(['Sista orden', 'Sista orden', 'Sista orden', 'Sista orden']);
      fail = false;
      shown.value = false;
      await nextTick();
      await flushPromises();
      expect(calls).toHaveLength(5);
    });

    it.each([
      ['pagehide', () => window.dispatchEvent(new Event('pagehide'))],
      ['freeze', () => document.dispatchEvent(new Event('freeze'))],
      [
        'visibilitychange to hidden',
        () => {
          const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
          document.dispatchEvent(new Event('visibilitychange'));
          visibility.mockRestore();
        },
      ],
    ])('writes a note that is not stored yet on %s by itself', async (_event, fire) => {
      let fail = true;
      const calls: string[] = [];
      const saveNote: DraftWriter = (text) => {
        calls.push(text);
        return fail ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : Promise.resolve();
      };
      const card = mountCard({ saveNote });
      await card.get('textarea').setValue('Skrivet före stängning');
      await flushPromises();
      expect(calls).toEqual(['Skrivet före stängning']);
      fail = false;
      fire();
      await flushPromises();
      expect(calls).toEqual(['Skrivet före stängning', 'Skrivet före stängning']);
      card.unmount();
    });

    it('keeps the typed text on screen when the write fails, says it is not saved, and clears that once a retry stores it', async () => {
      // A retry reopens the connection through the deferred database module; its import is file I/O
      // that fake timers do not advance, so it is loaded before the clock stops.
      await loadDatabase();
      vi.useFakeTimers();
      vi.spyOn(connection, 'reopen').mockResolvedValue();
      let fail = true;
      const saveNote: DraftWriter = (_text, _base, options) =>
        useSaveStatusStore().track(() => (fail ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : Promise.resolve()), options);
      const card = mountCard({ note: 'Först', saveNote });
      await card.get('textarea').setValue('Viktig text');
      await flushPromises();
      const save = useSaveStatusStore();
      expect(save.state).toBe('error');
      expect(save.problem).toBe('quota');
      expect(card.get('.note-field__unsaved').text()).toContain('Texten är inte sparad än');
      // The stored text is still the old one: the field keeps what was typed.
      await card.setProps({ note: 'Först' });
      expect(card.get<HTMLTextAreaElement>('textarea').element.value).toBe('Viktig text');
      fail = false;
      await vi.advanceTimersByTimeAsync(1000);
      expect(save.state).toBe('saved');
      expect(card.find('.note-field__unsaved').exists()).toBe(false);
    });

    it('takes a note changed elsewhere while nothing is being typed', async () => {
      const card = mountCard({ note: 'Först' });
      await card.setProps({ note: 'Från en annan flik' });
      expect(card.get<HTMLTextAreaElement>('textarea').element.value).toBe('Från en annan flik');
    });

    it('takes another tab’s note that arrived while its own write ran, once that write is done', async () => {
      let finish: () => void = () => undefined;
      const card = mountCard({ note: '', saveNote: () => new Promise<void>((resolve) => (finish = resolve)) });
      const textarea = card.get<HTMLTextAreaElement>('textarea');
      await textarea.setValue('Min');
      await card.setProps({ note: 'Min' });
      await card.setProps({ note: 'Min, och sedan den andra flikens tillägg' });
      expect(textarea.element.value).toBe('Min');
      finish();
      await flushPromises();
      expect(textarea.element.value).toBe('Min, och sedan den andra flikens tillägg');
    });

    it('is not thrown back by a late live result of its own earlier text', async () => {
      const card = mountCard({ note: '' });
      const textarea = card.get<HTMLTextAreaElement>('textarea');
      await textarea.setValue('Vi');
      await flushPromises();
      await textarea.setValue('Vi ses');
      await flushPromises();
      await card.setProps({ note: 'Vi' });
      expect(textarea.element.value).toBe('Vi ses');
      await card.setProps({ note: 'Vi ses' });
      expect(textarea.element.value).toBe('Vi ses');
    });

    it('asks which text to keep when another tab wrote the note meanwhile, and keeps mine on request', async () => {
      const calls: [string, string][] = [];
      let stored = 'Gemensam start';
      const saveNote: DraftWriter = (text, base, options) =>
        useSaveStatusStore().track(() => {
          calls.push([text, base]);
          if (stored !== base) return Promise.reject(new TextConflictError(stored));
          stored = text;
          return Promise.resolve();
        }, options);
      const card = mountCard({ note: 'Gemensam start', saveNote });
      stored = 'Skrivet i den andra fliken';
      await card.get('textarea').setValue('Skrivet här');
      await flushPromises();
      const save = useSaveStatusStore();
      expect(save.state).toBe('conflict');
      expect(card.get('[role="alert"]').text()).toContain('Texten ändrades i en annan flik medan du skrev här.');
      expect(card.get('[role="alert"]').text()).toContain('Skrivet i den andra fliken');
      expect(card.get<HTMLTextAreaElement>('textarea').element.value).toBe('Skrivet här');
      expect(stored).toBe('Skrivet i den andra fliken');

      await card.findAll('button').find((b) => b.text() === 'Behåll min text')?.trigger('click');
      await flushPromises();
      expect(stored).toBe('Skrivet här');
      expect(calls.at(-1)).toEqual(['Skrivet här', 'Skrivet i den andra fliken']);
      expect(card.find('[role="alert"]').exists()).toBe(false);
      expect(save.state).toBe('saved');
    });

    it('takes the other tab’s text on request, writing nothing', async () => {
      const calls: string[] = [];
      const saveNote: DraftWriter = (text, _base, options) =>
        useSaveStatusStore().track(() => {
          calls.push(text);
          return Promise.reject(new TextConflictError('Deras text'));
        }, options);
      const card = mountCard({ note: '', saveNote });
      await card.get('textarea').setValue('Min text');
      await flushPromises();
      await card.findAll('button').find((b) => b.text() === 'Använd den andra texten')?.trigger('click');
      expect(card.get<HTMLTextAreaElement>('textarea').element.value).toBe('Deras text');
      expect(calls).toEqual(['Min text']);
      expect(useSaveStatusStore().state).toBe('idle');
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
