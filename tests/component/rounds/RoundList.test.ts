import { mount } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import RoundList, { type RoundListEntry } from '@/components/rounds/RoundList.vue';
import { answersByItem, reflectionsByGoal, roundProgress } from '@/domain/progress';
import type { Answer, Instrument, Round } from '@/domain/types';
import { setLocale } from '@/i18n';
import { loadBuiltInInstrument } from '@/instrument';
import { routes } from '@/modules/router';
import { answerRecord } from '../../fixtures/instruments';
import { makeRound, participant } from '../../fixtures/records';

let instrument: Instrument;
let router: Router;

beforeAll(async () => {
  // The rounds here are answered with 1.0.0 (35 statements), which the app still ships.
  const loaded = await loadBuiltInInstrument('1.0.0');
  if (!loaded) throw new Error('1.0.0 is not shipped');
  instrument = loaded;
});

afterEach(() => {
  setLocale('sv');
});

/** A round's list entry with the first `answered` items of the default instrument answered. */
function entry(round: Round, answered: number): RoundListEntry {
  const items = instrument.goals.flatMap((g) => g.items).slice(0, answered);
  const answers: Answer[] = items.map((item) => answerRecord(round.id, item.id, 2));
  return { round, progress: roundProgress(instrument, answersByItem(answers), reflectionsByGoal([])) };
}

async function mountList(entries: readonly RoundListEntry[]) {
  router = createRouter({ history: createMemoryHistory(), routes });
  await router.push('/');
  await router.isReady();
  return mount(RoundList, { props: { entries }, global: { plugins: [router] } });
}

const spring = makeRound('centre-1', {
  id: 'round-spring',
  title: 'Avstämning våren 2026',
  date: '2026-03-10',
  period: 'VT 2026',
  participants: [participant('Anna', 'BVC')],
});
const autumn = makeRound('centre-1', {
  id: 'round-autumn',
  title: 'Avstämning hösten 2025',
  date: '2025-10-01',
  period: 'HT 2025',
  status: 'complete',
  completedAt: '2025-10-01T12:00:00.000Z',
  participants: [participant('Anna', 'BVC'), participant('Bo', 'BMM')],
});

function cards(list: Awaited<ReturnType<typeof mountList>>) {
  return list.findAll('li');
}

function button(list: Awaited<ReturnType<typeof mountList>>, index: number, text: string) {
  const found = cards(list)[index]?.findAll('button').find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}" in card ${String(index)}`);
  return found;
}

describe('RoundList', () => {
  it('says there are no rounds yet when the list is empty', async () => {
    const list = await mountList([]);
    expect(list.text()).toBe('Inga omgångar ännu. Starta den första när arbetsgruppen är samlad.');
    expect(list.find('ul').exists()).toBe(false);
  });

  it('shows one card per round, in the given order', async () => {
    const list = await mountList([entry(spring, 3), entry(autumn, 35)]);
    expect(cards(list)).toHaveLength(2);
    expect(cards(list).map((c) => c.get('h3').text())).toEqual(['Avstämning våren 2026', 'Avstämning hösten 2025']);
    expect(cards(list).map((c) => c.attributes('data-round-id'))).toEqual(['round-spring', 'round-autumn']);
  });

  it('shows the period, the meeting date and the number of participants', async () => {
    const list = await mountList([entry(spring, 0), entry(autumn, 0)]);
    expect(cards(list)[0]?.get('.round__meta').text()).toBe('VT 2026 · 10 mars 2026 · 1 deltagare');
    expect(cards(list)[1]?.get('.round__meta').text()).toBe('HT 2025 · 1 oktober 2025 · 2 deltagare');
  });

  it('shows "0 deltagare" for a round without participants', async () => {
    const list = await mountList([entry({ ...spring, participants: [] }, 0)]);
    expect(list.get('.round__meta').text()).toContain('0 deltagare');
  });

  it('shows the status as Pågår or Klar', async () => {
    const list = await mountList([entry(spring, 3), entry(autumn, 35)]);
    expect(cards(list).map((c) => c.get('.status-pill').text())).toEqual(['Pågår', 'Klar']);
  });

  it('shows the progress as "3 av 35 påståenden besvarade" with a progress bar', async () => {
    const list = await mountList([entry(spring, 3)]);
    expect(list.text()).toContain('3 av 35 påståenden besvarade');
    const bar = list.get('[role="progressbar"]');
    expect(bar.attributes('aria-valuenow')).toBe('3');
    expect(bar.attributes('aria-valuemax')).toBe('35');
  });

  it('shows no progress while the instrument is not loaded', async () => {
    const list = await mountList([{ round: spring, progress: undefined }]);
    expect(list.find('[role="progressbar"]').exists()).toBe(false);
    expect(list.text()).not.toContain('påståenden besvarade');
  });

  it('links to continue a round in progress and to open a complete one', async () => {
    const list = await mountList([entry(spring, 3), entry(autumn, 35)]);
    const [first, second] = cards(list).map((c) => c.findAll('a'));
    expect(first?.[0]?.text()).toBe('Fortsätt');
    expect(first?.[0]?.attributes('href')).toBe('/centres/centre-1/rounds/round-spring');
    expect(second?.[0]?.text()).toBe('Öppna');
    expect(second?.[0]?.attributes('href')).toBe('/centres/centre-1/rounds/round-autumn');
  });

  it('links to edit each round', async () => {
    const list = await mountList([entry(spring, 3)]);
    const edit = list.findAll('a').find((a) => a.text() === 'Redigera');
    expect(edit?.attributes('href')).toBe('/centres/centre-1/rounds/round-spring/edit');
  });

  it('offers "Markera som klar" for a round in progress and emits complete with the round', async () => {
    const list = await mountList([entry(spring, 3), entry(autumn, 35)]);
    expect(cards(list)[0]?.text()).not.toContain('Öppna igen');
    await button(list, 0, 'Markera som klar').trigger('click');
    expect(list.emitted('complete')).toEqual([[spring]]);
    expect(list.emitted('reopen')).toBeUndefined();
  });

  it('offers "Öppna igen" for a complete round and emits reopen with the round', async () => {
    const list = await mountList([entry(spring, 3), entry(autumn, 35)]);
    expect(cards(list)[1]?.text()).not.toContain('Markera som klar');
    await button(list, 1, 'Öppna igen').trigger('click');
    expect(list.emitted('reopen')).toEqual([[autumn]]);
    expect(list.emitted('complete')).toBeUndefined();
  });

  it('emits delete with the round of the card', async () => {
    const list = await mountList([entry(spring, 3), entry(autumn, 35)]);
    await button(list, 1, 'Ta bort').trigger('click');
    await button(list, 0, 'Ta bort').trigger('click');
    expect(list.emitted('delete')).toEqual([[autumn], [spring]]);
  });

  it('names the group of actions after the round for screen readers', async () => {
    const list = await mountList([entry(spring, 3)]);
    const group = list.get('[role="group"]');
    expect(group.attributes('aria-label')).toBe('Åtgärder för Avstämning våren 2026');
  });

  it('uses type="button" so that no action submits a form', async () => {
    const list = await mountList([entry(spring, 3)]);
    expect(list.findAll('button').every((b) => b.attributes('type') === 'button')).toBe(true);
  });

  it('shows the title as text, not markup', async () => {
    const list = await mountList([entry({ ...spring, title: '<em>Vår</em>' }, 0)]);
    expect(list.get('h3').text()).toBe('<em>Vår</em>');
    expect(list.find('em').exists()).toBe(false);
  });

  it('is in English after switching the language', async () => {
    const list = await mountList([entry(spring, 3), entry(autumn, 35)]);
    setLocale('en');
    await list.vm.$nextTick();
    expect(cards(list).map((c) => c.get('.status-pill').text())).toEqual(['In progress', 'Complete']);
    expect(list.text()).toContain('3 of 35 statements answered');
    expect(cards(list)[0]?.get('.round__meta').text()).toBe('VT 2026 · 10 March 2026 · 1 participant');
    expect(cards(list)[1]?.get('.round__meta').text()).toContain('2 participants');
    expect(cards(list).map((c) => c.get('a').text())).toEqual(['Continue', 'Open']);
  });
});

describe('a centre of many rounds', () => {
  it('draws the latest 20 rounds and the older ones 20 at a time when asked for', async () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ round: makeRound('centre-1', { id: `round-${String(i)}`, title: `Omgång ${String(i)}` }), progress: undefined }));
    const list = await mountList(many);
    expect(cards(list)).toHaveLength(20);
    expect(list.get('[data-testid="round-list-count"]').text()).toBe('20 av 45 omgångar visas, de senaste först.');
    expect(list.get('[data-testid="round-list-more"]').text()).toBe('Visa 20 omgångar till');

    await list.get('[data-testid="round-list-more"]').trigger('click');
    expect(cards(list)).toHaveLength(40);
    expect(cards(list)[39]?.attributes('data-round-id')).toBe('round-39');
    expect(list.get('[data-testid="round-list-more"]').text()).toBe('Visa 5 omgångar till');

    await list.get('[data-testid="round-list-more"]').trigger('click');
    expect(cards(list)).toHaveLength(45);
    expect(list.find('[data-testid="round-list-more"]').exists()).toBe(false);
  });
});
