import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import LocalItemsSection from '@/components/questionnaire/LocalItemsSection.vue';
import { repository } from '../../fixtures/repository';
import type { Instrument, InstrumentGoal, LocalItem } from '@/domain/types';
import { setLocale } from '@/i18n';
import { loadDefaultInstrument } from '@/instrument';
import { useInstrumentStore } from '@/stores/instrument';
import { useLocalItemsStore } from '@/stores/localItems';
import { useQuestionnaireStore } from '@/stores/questionnaire';
import { useSaveStatusStore } from '@/stores/saveStatus';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { makeCentre, makeRound } from '../../fixtures/records';

const centre = makeCentre({ id: 'centre-a' });
const spring = makeRound(centre.id, { id: 'round-spring', title: 'Våren' });
const autumn = makeRound(centre.id, { id: 'round-autumn', title: 'Hösten', date: '2026-10-10', createdAt: '2026-10-10T08:00:00.000Z' });

let instrument: Instrument;
let goal: InstrumentGoal;

beforeAll(async () => {
  instrument = await loadDefaultInstrument();
  const second = instrument.goals[1];
  if (!second) throw new Error('the instrument has no goal 2');
  goal = second;
});

beforeEach(async () => {
  await emptyAppDatabase();
  await repository.addCentre(centre);
  await repository.addRound(spring);
  await repository.addRound(autumn);
});

afterEach(() => {
  setLocale('sv');
});

function makeItem(overrides: Partial<LocalItem> = {}): LocalItem {
  return {
    id: 'local-1',
    centreId: centre.id,
    goalId: 'goal-2',
    text: 'Vi har en gemensam rutin för hembesök',
    levels: [],
    retired: false,
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
    ...overrides,
  };
}

/** Mounts the own-items block of goal 2 in `roundId`, fed with the questionnaire's live answers like GoalSection does. */
async function mountSection(items: readonly LocalItem[] = [], roundId = autumn.id): Promise<VueWrapper> {
  for (const item of items) await repository.putLocalItem(item);
  const pinia = createPinia();
  setActivePinia(pinia);
  await useInstrumentStore().load();
  const questionnaire = useQuestionnaireStore();
  questionnaire.open(roundId);
  await vi.waitFor(() => expect(questionnaire.loaded && questionnaire.round?.id === roundId).toBe(true));
  const Host = defineComponent({
    setup: () => () => h(LocalItemsSection, { goal, levels: instrument.scale.levels, answers: questionnaire.answers, muted: false }),
  });
  const wrapper = mount(Host, { global: { plugins: [pinia] }, attachTo: document.body });
  const store = useLocalItemsStore();
  await vi.waitFor(() => expect(store.loaded && store.centreId === centre.id).toBe(true));
  await settle(wrapper);
  return wrapper;
}

async function settle(wrapper: VueWrapper): Promise<void> {
  await flushPromises();
  await wrapper.vm.$nextTick();
}

function buttonByText(wrapper: VueWrapper, text: string) {
  const button = wrapper.findAll('button').find((b) => b.text().includes(text));
  if (!button) throw new Error(`no button "${text}"`);
  return button;
}

function fieldByLabel(wrapper: VueWrapper, label: string) {
  const found = wrapper.findAll('label').find((l) => l.text() === label);
  const id = found?.attributes('for');
  if (!id) throw new Error(`no field labelled "${label}"`);
  return wrapper.get<HTMLInputElement>(`#${CSS.escape(id)}`);
}

function ownItems(wrapper: VueWrapper) {
  return wrapper.findAll('[data-testid="local-item"]');
}

describe('LocalItemsSection', () => {
  it('says the goal has no own statements and explains they are counted apart', async () => {
    const wrapper = await mountSection();
    expect(wrapper.get('h3').text()).toBe('Egna påståenden');
    expect(wrapper.text()).toContain('Räknas för sig och påverkar inte målets gemensamma värde.');
    expect(wrapper.text()).toContain('Inga egna påståenden för det här målet ännu.');
  });

  it('adds an own statement with descriptors: focus moves into the form and back to the button', async () => {
    const wrapper = await mountSection();
    await buttonByText(wrapper, 'Lägg till eget påstående').trigger('click');
    await settle(wrapper);
    const statement = fieldByLabel(wrapper, 'Påstående');
    expect(document.activeElement).toBe(statement.element);
    expect(wrapper.get('details summary').text()).toBe('Beskriv nivåerna (valfritt)');
    const labels = instrument.scale.levels.map((level) => `${String(level.value)} – ${level.label.sv}`);
    for (const label of labels) expect(fieldByLabel(wrapper, label).attributes('type')).toBe('text');

    await statement.setValue('  Vi gör hembesök tillsammans ');
    await fieldByLabel(wrapper, labels[3] ?? '').setValue('Alltid, med BVC och socialtjänst');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(async () => expect(await repository.listLocalItems(centre.id)).toHaveLength(1));
    const [stored] = await repository.listLocalItems(centre.id);
    expect(stored).toMatchObject({ goalId: 'goal-2', text: 'Vi gör hembesök tillsammans', levels: ['', '', '', 'Alltid, med BVC och socialtjänst'] });
    expect(useSaveStatusStore().state).toBe('saved');

    await vi.waitFor(() => expect(ownItems(wrapper)).toHaveLength(1));
    const card = ownItems(wrapper)[0];
    expect(card?.text()).toContain('Eget');
    expect(card?.text()).toContain('E1');
    expect(card?.text()).toContain('Vi gör hembesök tillsammans');
    // The group's own descriptor for step 4; the scale's general one for the steps left empty.
    expect(card?.text()).toContain('Alltid, med BVC och socialtjänst');
    expect(card?.text()).toContain(instrument.scale.levels[0]?.description.sv ?? 'missing');
    expect(wrapper.find('form').exists()).toBe(false);
    expect(document.activeElement?.textContent).toContain('Lägg till eget påstående');
  });

  it('requires the statement and writes nothing without it', async () => {
    const wrapper = await mountSection();
    await buttonByText(wrapper, 'Lägg till eget påstående').trigger('click');
    await settle(wrapper);
    await fieldByLabel(wrapper, 'Påstående').setValue('   ');
    await wrapper.get('form').trigger('submit');
    await settle(wrapper);
    const statement = fieldByLabel(wrapper, 'Påstående');
    expect(statement.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('.field__error').text()).toBe('Fyll i fältet.');
    expect(statement.attributes('aria-describedby')).toContain(wrapper.get('.field__error').attributes('id'));
    expect(await repository.listLocalItems(centre.id)).toEqual([]);
  });

  it('cancels adding with Avbryt or Escape and returns focus to the button', async () => {
    const wrapper = await mountSection();
    await buttonByText(wrapper, 'Lägg till eget påstående').trigger('click');
    await settle(wrapper);
    await buttonByText(wrapper, 'Avbryt').trigger('click');
    await settle(wrapper);
    expect(wrapper.find('form').exists()).toBe(false);
    expect(document.activeElement?.textContent).toContain('Lägg till eget påstående');

    // Escape cancels too.
    await buttonByText(wrapper, 'Lägg till eget påstående').trigger('click');
    await settle(wrapper);
    await fieldByLabel(wrapper, 'Påstående').trigger('keydown', { key: 'Escape' });
    await settle(wrapper);
    expect(wrapper.find('form').exists()).toBe(false);
    expect(document.activeElement?.textContent).toContain('Lägg till eget påstående');
  });

  it('edits an own statement in the same form, prefilled', async () => {
    const wrapper = await mountSection([makeItem({ levels: ['Inte alls', 'Lite', 'Ganska', 'Helt'] })]);
    await wrapper.get('button[aria-label="Ändra eget påstående E1"]').trigger('click');
    await settle(wrapper);
    const statement = fieldByLabel(wrapper, 'Påstående');
    expect(statement.element.value).toBe('Vi har en gemensam rutin för hembesök');
    expect(wrapper.get('details').attributes('open')).toBeDefined();
    expect(document.activeElement).toBe(statement.element);
    await statement.setValue('Vi har en skriven rutin för hembesök');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(async () => expect((await repository.listLocalItems(centre.id))[0]?.text).toBe('Vi har en skriven rutin för hembesök'));
    await vi.waitFor(() => expect(ownItems(wrapper)[0]?.text()).toContain('Vi har en skriven rutin för hembesök'));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Ändra eget påstående E1');
  });

  it('answers an own statement like a common one: saved per round, with a note, counted apart', async () => {
    const wrapper = await mountSection([makeItem(), makeItem({ id: 'local-2', text: 'Andra', createdAt: '2026-03-11T09:00:00.000Z' })]);
    expect(wrapper.text()).toContain('0 av 2 egna besvarade');
    const first = ownItems(wrapper)[0];
    const radio = first?.findAll<HTMLInputElement>('input[type="radio"]').find((input) => input.element.value === '3');
    await radio?.setValue(true);
    await vi.waitFor(async () => expect((await repository.listAnswers(autumn.id)).find((a) => a.itemId === 'local-1')?.value).toBe(3));
    await vi.waitFor(() => expect(wrapper.text()).toContain('1 av 2 egna besvarade'));
    const dontKnow = ownItems(wrapper)[1]?.findAll<HTMLInputElement>('input[type="radio"]').find((input) => input.element.value === 'dont-know');
    await dontKnow?.setValue(true);
    await vi.waitFor(() => expect(wrapper.text()).toContain('2 av 2 egna besvarade'));
    const note = ownItems(wrapper)[0]?.get('textarea');
    await note?.setValue('Gäller BVC och öppna förskolan');
    await note?.trigger('blur');
    await vi.waitFor(async () =>
      expect((await repository.listAnswers(autumn.id)).find((a) => a.itemId === 'local-1')).toMatchObject({ value: 3, note: 'Gäller BVC och öppna förskolan' }),
    );
    // The round's common progress is untouched by own items.
    expect(useQuestionnaireStore().progress?.answered).toBe(0);
  });

  it('removes a never-answered statement for good after confirming', async () => {
    const wrapper = await mountSection([makeItem()]);
    await wrapper.get('button[aria-label="Ta bort eget påstående E1"]').trigger('click');
    await settle(wrapper);
    const dialog = wrapper.get<HTMLDialogElement>('dialog');
    await vi.waitFor(() => expect(dialog.element.open).toBe(true));
    expect(dialog.text()).toContain('”Vi har en gemensam rutin för hembesök” har inte besvarats i någon omgång och tas bort helt.');
    await buttonByText(wrapper, 'Ta bort påståendet').trigger('click');
    await vi.waitFor(async () => expect(await repository.listLocalItems(centre.id)).toEqual([]));
    await vi.waitFor(() => expect(ownItems(wrapper)).toHaveLength(0));
    expect(wrapper.get('[role="status"]').text()).toBe('Det egna påståendet är borttaget.');
  });

  it('retires a statement an earlier round answered: gone from this round, kept in that one', async () => {
    await repository.putLocalItem(makeItem());
    await repository.saveAnswer(spring.id, 'goal-2', 'local-1', { value: 2 });
    const wrapper = await mountSection();
    await wrapper.get('button[aria-label="Ta bort eget påstående E1"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.get<HTMLDialogElement>('dialog').element.open).toBe(true));
    expect(wrapper.get('dialog').text()).toContain('tas bort från kommande omgångar men finns kvar i de omgångar som besvarat det');
    await buttonByText(wrapper, 'Ta bort påståendet').trigger('click');
    await vi.waitFor(async () => expect((await repository.listLocalItems(centre.id))[0]?.retired).toBe(true));
    await vi.waitFor(() => expect(ownItems(wrapper)).toHaveLength(0));
    expect(wrapper.get('[role="status"]').text()).toContain('tas bort från kommande omgångar');

    // The spring round still shows it, with its answer, marked as no longer asked.
    const spring2 = await mountSection([], spring.id);
    await vi.waitFor(() => expect(ownItems(spring2)).toHaveLength(1));
    const retired = ownItems(spring2)[0];
    expect(retired?.attributes('data-retired')).toBe('true');
    expect(retired?.text()).toContain('Tas inte med i kommande omgångar');
    expect(retired?.find<HTMLInputElement>('input[type="radio"][value="2"]').element.checked).toBe(true);
    expect(retired?.find('button[aria-label="Ta bort eget påstående E1"]').exists()).toBe(false);
  });

  it('reads in English', async () => {
    setLocale('en');
    const wrapper = await mountSection([makeItem()]);
    expect(wrapper.get('h3').text()).toBe('Own statements');
    expect(ownItems(wrapper)[0]?.text()).toContain('O1');
    expect(wrapper.text()).toContain('0 of 1 own answered');
    expect(buttonByText(wrapper, 'Add own statement').exists()).toBe(true);
  });
});
