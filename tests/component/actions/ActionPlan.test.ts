import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ActionPlan from '@/components/actions/ActionPlan.vue';
import { repository } from '../../fixtures/repository';
import { MAX_NAME } from '@/domain/records';
import { setLocale } from '@/i18n';
import { useSaveStatusStore } from '@/stores/saveStatus';
import { useUndoStore } from '@/stores/undo';
import { autumn, makeAction, mountWith, openRound, settle, spring } from './helpers';
import { toastTexts } from '../../fixtures/toasts';

afterEach(() => {
  setLocale('sv');
});

async function mountPlan(actions = [makeAction(spring.id, { what: 'Föräldragrupp' })], goalId = 'goal-1') {
  const pinia = await openRound(spring.id, actions);
  const wrapper = mountWith(ActionPlan, pinia, { goalId });
  await settle(wrapper);
  return wrapper;
}

function fieldByLabel(wrapper: VueWrapper, label: string) {
  const found = wrapper.findAll('label').find((l) => l.text() === label);
  const id = found?.attributes('for');
  if (!id) throw new Error(`no field labelled "${label}"`);
  return wrapper.get<HTMLInputElement>(`#${CSS.escape(id)}`);
}

function buttonByText(wrapper: VueWrapper, text: string) {
  const button = wrapper.findAll('button').find((b) => b.text().includes(text));
  if (!button) throw new Error(`no button "${text}"`);
  return button;
}

async function stored() {
  return repository.listActions(spring.id);
}

describe('ActionPlan: listing', () => {
  it('lists the goal’s actions with who, due date and status', async () => {
    const wrapper = await mountPlan([
      makeAction(spring.id, { what: 'Föräldragrupp', who: 'Öppen förskola', due: '2026-06-30', status: 'ongoing' }),
      makeAction(spring.id, { what: 'Annat mål', goalId: 'goal-2' }),
    ]);
    const items = wrapper.findAll('[data-testid="action-item"]');
    expect(items).toHaveLength(1);
    expect(items[0]?.text()).toContain('Föräldragrupp');
    expect(items[0]?.text()).toContain('Öppen förskola');
    expect(items[0]?.text()).toContain('30 juni 2026');
    expect(items[0]?.get('select').element.value).toBe('ongoing');
  });

  it('says when the goal has no actions', async () => {
    const wrapper = await mountPlan([]);
    expect(wrapper.text()).toContain('Inga åtgärder för det här målet ännu.');
  });

  it('renders the text as text, not markup', async () => {
    const wrapper = await mountPlan([makeAction(spring.id, { what: '<b>fet</b>' })]);
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.text()).toContain('<b>fet</b>');
  });
});

describe('ActionPlan: adding', () => {
  it('adds an action with what, who, due and status, and tracks the save', async () => {
    const wrapper = await mountPlan([]);
    await buttonByText(wrapper, 'Lägg till åtgärd').trigger('click');
    expect(document.activeElement).toBe(fieldByLabel(wrapper, 'Vad ska göras?').element);
    await fieldByLabel(wrapper, 'Vad ska göras?').setValue('  Gemensam öppen mottagning ');
    await fieldByLabel(wrapper, 'Vem (verksamhet eller roll)').setValue('BVC');
    await fieldByLabel(wrapper, 'Klart senast (valfritt)').setValue('2026-09-01');
    await fieldByLabel(wrapper, 'Status').setValue('ongoing');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1));
    expect((await stored())[0]).toMatchObject({
      goalId: 'goal-1',
      roundId: spring.id,
      centreId: 'centre-a',
      what: 'Gemensam öppen mottagning',
      who: 'BVC',
      due: '2026-09-01',
      status: 'ongoing',
    });
    expect(useSaveStatusStore().state).toBe('saved');
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="action-item"]')).toHaveLength(1));
    expect(wrapper.find('form').exists()).toBe(false);
  });

  it('suggests the centre’s services for who', async () => {
    const wrapper = await mountPlan([]);
    await buttonByText(wrapper, 'Lägg till åtgärd').trigger('click');
    await vi.waitFor(() => {
      const options = wrapper.findAll('datalist option').map((o) => o.attributes('value'));
      expect(options).toEqual(expect.arrayContaining(['BVC', 'Öppen förskola']));
    });
    const who = fieldByLabel(wrapper, 'Vem (verksamhet eller roll)');
    expect(wrapper.find(`datalist#${CSS.escape(who.attributes('list') ?? '')}`).exists()).toBe(true);
  });

  it('requires what: shows the error, focuses the field and writes nothing', async () => {
    const wrapper = await mountPlan([]);
    await buttonByText(wrapper, 'Lägg till åtgärd').trigger('click');
    await wrapper.get('form').trigger('submit');
    await settle(wrapper);
    const what = fieldByLabel(wrapper, 'Vad ska göras?');
    expect(what.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('.field__error').text()).toBe('Fyll i fältet.');
    expect(what.attributes('aria-describedby')).toContain(wrapper.get('.field__error').attributes('id'));
    expect(document.activeElement).toBe(what.element);
    expect(await stored()).toEqual([]);
  });

  it('refuses a too long who', async () => {
    const wrapper = await mountPlan([]);
    await buttonByText(wrapper, 'Lägg till åtgärd').trigger('click');
    await fieldByLabel(wrapper, 'Vad ska göras?').setValue('Något');
    const who = fieldByLabel(wrapper, 'Vem (verksamhet eller roll)');
    who.element.removeAttribute('maxlength');
    await who.setValue('x'.repeat(MAX_NAME + 1));
    await wrapper.get('form').trigger('submit');
    await settle(wrapper);
    expect(who.attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('Texten är för lång.');
    expect(await stored()).toEqual([]);
  });

  it('cancels without writing', async () => {
    const wrapper = await mountPlan([]);
    await buttonByText(wrapper, 'Lägg till åtgärd').trigger('click');
    await fieldByLabel(wrapper, 'Vad ska göras?').setValue('Något');
    await buttonByText(wrapper, 'Avbryt').trigger('click');
    await settle(wrapper);
    expect(wrapper.find('form').exists()).toBe(false);
    expect(await stored()).toEqual([]);
  });
});

describe('ActionPlan: editing and status', () => {
  it('edits an action inline', async () => {
    const wrapper = await mountPlan();
    const edit = wrapper.get('button[aria-label="Ändra åtgärden ”Föräldragrupp”"]');
    await edit.trigger('click');
    const what = fieldByLabel(wrapper, 'Vad ska göras?');
    expect(what.element.value).toBe('Föräldragrupp');
    await what.setValue('Föräldragrupp varje vecka');
    await fieldByLabel(wrapper, 'Klart senast (valfritt)').setValue('2026-12-01');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(async () => expect((await stored())[0]?.what).toBe('Föräldragrupp varje vecka'));
    expect((await stored())[0]?.due).toBe('2026-12-01');
    await vi.waitFor(() => expect(wrapper.text()).toContain('1 december 2026'));
  });

  it('changes the status from the list', async () => {
    const wrapper = await mountPlan();
    await wrapper.get('[data-testid="action-item"] select').setValue('done');
    await vi.waitFor(async () => expect((await stored())[0]?.status).toBe('done'));
    await vi.waitFor(() => expect(wrapper.get('[data-testid="action-item"]').attributes('data-status')).toBe('done'));
  });

  it('offers every status', async () => {
    const wrapper = await mountPlan();
    expect(wrapper.findAll('[data-testid="action-item"] option').map((o) => o.text())).toEqual(['Planerad', 'Pågår', 'Klar', 'Avbruten']);
  });

  it('marks an action carried forward from the previous round', async () => {
    const pinia = await openRound(autumn.id, [makeAction(autumn.id, { what: 'Fortsätter', carriedFromId: 'old' })]);
    const wrapper = mountWith(ActionPlan, pinia, { goalId: 'goal-1' });
    await settle(wrapper);
    expect(wrapper.get('[data-testid="action-item"]').attributes('data-carried')).toBe('true');
    expect(wrapper.text()).toContain('Medtagen från förra omgången');
  });
});

describe('ActionPlan: deleting', () => {
  it('deletes at once and undo brings the action back', async () => {
    const wrapper = await mountPlan();
    await wrapper.get('button[aria-label="Ta bort åtgärden ”Föräldragrupp”"]').trigger('click');
    await vi.waitFor(async () => expect(await stored()).toEqual([]));
    const undo = useUndoStore();
    expect(toastTexts(undo)).toEqual(['Åtgärden ”Föräldragrupp” togs bort.']);
    await undo.undo(undo.toasts[0]?.key ?? '');
    await vi.waitFor(async () => expect((await stored()).map((a) => a.what)).toEqual(['Föräldragrupp']));
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="action-item"]')).toHaveLength(1));
  });
});

describe('ActionPlan: English', () => {
  it('is translated', async () => {
    setLocale('en');
    const wrapper = await mountPlan();
    expect(wrapper.text()).toContain('Action plan');
    expect(wrapper.text()).toContain('Add action');
    expect(wrapper.findAll('option').map((o) => o.text())).toEqual(['Planned', 'Ongoing', 'Done', 'Dropped']);
  });
});
