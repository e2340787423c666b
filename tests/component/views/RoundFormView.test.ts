import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { repository } from '../../fixtures/repository';
import { parseInstrument } from '@/domain/instrument';
import { setLocale } from '@/i18n';
import { routes } from '@/modules/router';
import { CURRENT_INSTRUMENT_KEY } from '@/stores/instrument';
import RoundFormView from '@/views/RoundFormView.vue';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { makeCentre, makeRound } from '../../fixtures/records';
import networkJson from '../../fixtures/network-instrument.json';

const SHIPPED = 'familjecentral-sjalvvardering@2.0.0';
const NETWORK = 'familjecentral-sjalvvardering@1.1.0';
const centre = makeCentre({ id: 'centre-form', name: 'Familjecentralen Formulär', services: ['bvc'] });

async function mountView(roundId?: string): Promise<{ view: VueWrapper; router: Router }> {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(roundId ? { name: 'round-edit', params: { centreId: centre.id, roundId } } : { name: 'round-new', params: { centreId: centre.id } });
  await router.isReady();
  const props = roundId ? { centreId: centre.id, roundId } : { centreId: centre.id };
  const view = mount(RoundFormView, { props, global: { plugins: [createPinia(), router] } });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(view.find('form').exists()).toBe(true);
  });
  // The instruments load beside the form.
  await flushPromises();
  return { view, router };
}

function instrumentSelect(view: VueWrapper) {
  const label = view.findAll('label').find((l) => l.text() === 'Instrument');
  return label ? view.find<HTMLSelectElement>(`#${CSS.escape(label.attributes('for') ?? '')}`) : undefined;
}

async function installNetwork(makeCurrent: boolean): Promise<void> {
  await repository.installInstrument(parseInstrument(networkJson), 'natverket-sodra.json');
  if (makeCurrent) await repository.setSetting(CURRENT_INSTRUMENT_KEY, NETWORK);
}

async function createRound(view: VueWrapper, router: Router, title: string) {
  const titleLabel = view.findAll('label').find((l) => l.text() === 'Rubrik');
  await view.get(`#${CSS.escape(titleLabel?.attributes('for') ?? '')}`).setValue(title);
  await view.get('form').trigger('submit');
  // The first navigation to a round loads the questionnaire view's code.
  await vi.waitFor(
    async () => {
      await flushPromises();
      expect(router.currentRoute.value.name).toBe('round');
    },
    { timeout: 5000 },
  );
  const rounds = await repository.listRounds(centre.id);
  return rounds.find((round) => round.title === title);
}

beforeEach(async () => {
  await emptyAppDatabase();
  await repository.addCentre(centre);
});

afterEach(() => {
  setLocale('sv');
});

describe('RoundFormView: the instrument of a new round', () => {
  it('offers no choice when the device has only the built-in instrument, and uses it', async () => {
    const { view, router } = await mountView();
    expect(instrumentSelect(view)).toBeUndefined();
    const round = await createRound(view, router, 'Våren');
    // The newest shipped version; 1.0.0 is still shipped for older rounds but not offered for new ones.
    expect(round).toMatchObject({ instrumentId: 'familjecentral-sjalvvardering', instrumentVersion: '2.0.0' });
  });

  it('offers every instrument, the one for new rounds chosen, and starts the round with it', async () => {
    await installNetwork(true);
    const { view, router } = await mountView();
    await vi.waitFor(() => {
      expect(instrumentSelect(view)?.exists()).toBe(true);
    });
    const select = instrumentSelect(view);
    expect(select?.element.value).toBe(NETWORK);
    expect(select?.findAll('option').map((option) => option.text())).toEqual([
      'Version 2.0.0: Självvärdering på vägen mot familjecentral',
      'Version 1.1.0: Självvärdering på vägen mot familjecentral – Nätverket Södra',
    ]);
    expect(view.text()).toContain('Omgången behåller den version den startas med.');
    const round = await createRound(view, router, 'Hösten');
    expect(round?.instrumentVersion).toBe('1.1.0');
  });

  it('starts the round with another instrument when the group picks it', async () => {
    await installNetwork(true);
    const { view, router } = await mountView();
    await vi.waitFor(() => {
      expect(instrumentSelect(view)?.exists()).toBe(true);
    });
    await instrumentSelect(view)?.setValue(SHIPPED);
    const round = await createRound(view, router, 'Extra');
    expect(round?.instrumentVersion).toBe('2.0.0');
    // The choice for this round does not change the one for new rounds.
    expect(await repository.getSetting(CURRENT_INSTRUMENT_KEY)).toBe(NETWORK);
  });
});

describe('RoundFormView: the instrument of an existing round', () => {
  it('shows the instrument as text that cannot be changed', async () => {
    await installNetwork(false);
    const round = makeRound(centre.id, { id: 'round-network', title: 'Våren', instrumentVersion: '1.1.0' });
    await repository.addRound(round);
    const { view } = await mountView(round.id);
    await vi.waitFor(async () => {
      await flushPromises();
      expect(view.find('[data-testid="round-instrument"]').exists()).toBe(true);
    });
    expect(view.get('[data-testid="round-instrument"]').text()).toBe('Instrument: Självvärdering på vägen mot familjecentral – Nätverket Södra (version 1.1.0)');
    expect(instrumentSelect(view)).toBeUndefined();
  });

  it('names a version the device does not hold by its id', async () => {
    const round = makeRound(centre.id, { id: 'round-elsewhere', instrumentVersion: '3.0.0' });
    await repository.addRound(round);
    setLocale('en');
    const { view } = await mountView(round.id);
    await vi.waitFor(async () => {
      await flushPromises();
      expect(view.find('[data-testid="round-instrument"]').exists()).toBe(true);
    });
    expect(view.get('[data-testid="round-instrument"]').text()).toBe('Instrument: familjecentral-sjalvvardering version 3.0.0, which is not on this device');
  });
});

describe('RoundFormView: the participants of a new round', () => {
  it('offers the participants of the newest earlier round, as new entries that start the round', async () => {
    const earlier = makeRound(centre.id, {
      id: 'round-earlier',
      title: 'Våren 2026',
      date: '2026-04-22',
      participants: [
        { id: 'p-anna', name: 'Anna', role: 'BVC' },
        { id: 'p-bo', name: 'Bo', role: 'Öppen förskola' },
      ],
    });
    await repository.addRound(earlier);
    const { view, router } = await mountView();
    expect(view.get('[data-testid="previous-participants"]').text()).toContain('”Våren 2026”');
    const names = view.findAll<HTMLInputElement>('input').map((input) => input.element.value);
    expect(names).toEqual(expect.arrayContaining(['Anna', 'BVC', 'Bo', 'Öppen förskola']));
    const round = await createRound(view, router, 'Hösten');
    expect(round?.participants.map((p) => [p.name, p.role])).toEqual([
      ['Anna', 'BVC'],
      ['Bo', 'Öppen förskola'],
    ]);
    // New entries: the earlier round's participants stay its own.
    expect(round?.participants.map((p) => p.id)).not.toContain('p-anna');
  });

  it('starts from the centre’s services when it has no round yet', async () => {
    const { view } = await mountView();
    expect(view.find('[data-testid="previous-participants"]').exists()).toBe(false);
    expect(view.findAll<HTMLInputElement>('input').map((input) => input.element.value)).toContain('BVC');
  });
});
