import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import FilePicker from '@/components/common/FilePicker.vue';
import { repository } from '../../fixtures/repository';
import { parseInstrument } from '@/domain/instrument';
import { setLocale } from '@/i18n';
import { routes } from '@/modules/router';
import { CURRENT_INSTRUMENT_KEY } from '@/stores/instrument';
import InstrumentsView from '@/views/InstrumentsView.vue';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { deleteAt, rawDefaultInstrument, setAt, type Json } from '../../fixtures/instruments';
import { makeCentre, makeRound } from '../../fixtures/records';
import networkJson from '../../fixtures/network-instrument.json';

const SHIPPED = 'familjecentral-sjalvvardering@2.0.0';
/** Still shipped: rounds answered with it keep it. */
const SHIPPED_BEFORE = 'familjecentral-sjalvvardering@1.0.0';
const NETWORK = 'familjecentral-sjalvvardering@1.1.0';
const networkText = JSON.stringify(networkJson);

function jsonFile(content: string, name = 'natverket.json'): File {
  return new File([content], name, { type: 'application/json' });
}

async function mountView(): Promise<VueWrapper> {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name: 'instruments' });
  await router.isReady();
  const view = mount(InstrumentsView, { global: { plugins: [createPinia(), router] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(view.findAll('[data-instrument-key] [data-testid="instrument-rounds"]').every((cell) => cell.text() !== '…')).toBe(true);
    expect(view.find('[data-instrument-key]').exists()).toBe(true);
  });
  return view;
}

/** Picks a file as the user would with the file button, and waits for the check to end. */
async function pick(view: VueWrapper, file: File): Promise<void> {
  view.getComponent(FilePicker).vm.$emit('files', [file]);
  await vi.waitFor(async () => {
    await flushPromises();
    expect(view.text()).not.toContain('Kontrollerar filen…');
  });
}

function entry(view: VueWrapper, key: string) {
  return view.get(`[data-instrument-key="${key}"]`);
}

function button(view: VueWrapper, name: string) {
  const found = view.findAll('button').find((b) => b.text() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** Waits until the list shows the instruments with these keys, in this order. */
async function expectListed(view: VueWrapper, keys: readonly string[]): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises();
    expect(view.findAll('[data-instrument-key]').map((li) => li.attributes('data-instrument-key'))).toEqual(keys);
  });
}

async function installNetwork(): Promise<void> {
  await repository.installInstrument(parseInstrument(networkJson), 'natverket-sodra.json', '2026-04-01T10:00:00.000Z');
}

beforeEach(async () => {
  await emptyAppDatabase();
});

afterEach(() => {
  setLocale('sv');
});

describe('InstrumentsView: the list', () => {
  it('explains versions and lists the built-in instrument as the one for new rounds', async () => {
    const view = await mountView();
    expect(view.get('h1').text()).toBe('Instrument');
    expect(view.text()).toContain('kan läsa in en egen version av instrumentet som en JSON-fil');
    expect(view.text()).toContain('matchas mål och påståenden på sitt id');
    expect(view.get('legend').text()).toBe('Instrument för nya omgångar');
    await expectListed(view, [SHIPPED, SHIPPED_BEFORE]);
    expect(view.get('[data-testid="instrument-versions"]').text()).toContain('1.0.0, 2.0.0');
    const before = entry(view, SHIPPED_BEFORE);
    expect(before.text()).toContain('Självvärdering på vägen mot familjecentral (version 1.0.0)');
    expect(before.text()).toContain('5 mål, 35 påståenden');
    expect(before.text()).toContain('Inbyggt');
    expect(before.text()).not.toContain('Används för nya omgångar');
    expect(before.find('button').exists()).toBe(false);
    const shipped = entry(view, SHIPPED);
    expect(shipped.text()).toContain('Självvärdering på vägen mot familjecentral (version 2.0.0)');
    expect(shipped.text()).toContain('familjecentral-sjalvvardering');
    expect(shipped.text()).toContain('5 mål, 41 påståenden');
    expect(shipped.text()).toContain('Inbyggt');
    expect(shipped.text()).toContain('Ingen omgång använder det');
    expect(shipped.text()).toContain('Används för nya omgångar');
    expect(shipped.get<HTMLInputElement>('input[type="radio"]').element.checked).toBe(true);
    expect(shipped.find('button').exists()).toBe(false);
  });

  it('lists an installed instrument with its file, date and rounds, and switches new rounds to it', async () => {
    await installNetwork();
    const centre = makeCentre();
    await repository.addCentre(centre);
    await repository.addRound(makeRound(centre.id));
    await repository.addRound(makeRound(centre.id));
    const view = await mountView();
    await expectListed(view, [SHIPPED, SHIPPED_BEFORE, NETWORK]);
    // The rounds were answered with 1.0.0, which they keep.
    expect(entry(view, SHIPPED_BEFORE).text()).toContain('2 omgångar använder det');
    const network = entry(view, NETWORK);
    expect(network.text()).toContain('Nätverket Södra (version 1.1.0)');
    expect(network.text()).toContain('5 mål, 35 påståenden');
    expect(network.text()).toMatch(/natverket-sodra\.json, inläst 1 apr\. 2026/);
    expect(network.text()).not.toContain('Används för nya omgångar');

    await network.get('input[type="radio"]').setValue(true);
    await vi.waitFor(async () => {
      expect(await repository.getSetting(CURRENT_INSTRUMENT_KEY)).toBe(NETWORK);
    });
    await flushPromises();
    expect(entry(view, NETWORK).text()).toContain('Används för nya omgångar');
    expect(entry(view, SHIPPED).text()).not.toContain('Används för nya omgångar');
  });

  it('removes an installed instrument no round uses, after asking', async () => {
    await installNetwork();
    const view = await mountView();
    await expectListed(view, [SHIPPED, SHIPPED_BEFORE, NETWORK]);
    const remove = entry(view, NETWORK).get('button');
    expect(remove.attributes('aria-label')).toBe('Ta bort Självvärdering på vägen mot familjecentral – Nätverket Södra (version 1.1.0)');
    await remove.trigger('click');
    const dialog = view.get('dialog');
    expect(dialog.text()).toContain('version 1.1.0 tas bort från enheten');
    await dialog.findAll('button').find((b) => b.text() === 'Ta bort')?.trigger('click');
    await expectListed(view, [SHIPPED, SHIPPED_BEFORE]);
    expect(view.get('.instrument-list__status').text()).toBe('”Självvärdering på vägen mot familjecentral – Nätverket Södra” version 1.1.0 togs bort.');
    expect(await repository.listInstalledInstruments()).toEqual([]);
  });

  it('does not offer to remove an instrument that rounds use, and says why', async () => {
    await installNetwork();
    const centre = makeCentre();
    await repository.addCentre(centre);
    await repository.addRound(makeRound(centre.id, { instrumentVersion: '1.1.0' }));
    const view = await mountView();
    await expectListed(view, [SHIPPED, SHIPPED_BEFORE, NETWORK]);
    const network = entry(view, NETWORK);
    expect(network.text()).toContain('1 omgång använder det');
    expect(network.get('button').attributes('disabled')).toBeDefined();
    expect(network.text()).toContain('Kan inte tas bort så länge omgångar använder det.');
  });
});

describe('InstrumentsView: loading a broken file', () => {
  it('refuses a file that is not UTF-8 (a Latin-1 "ö"), saying so, and installs nothing', async () => {
    const view = await mountView();
    const latin1 = new Uint8Array([...'{"id": "nätverk"}'].map((c) => c.charCodeAt(0)));
    await pick(view, new File([latin1], 'latin1.json', { type: 'application/json' }));
    const alert = view.get('[role="alert"]');
    expect(alert.text()).toContain('Filen latin1.json kan inte läsas in som instrument:');
    expect(alert.text()).toContain('Filen är inte sparad som UTF-8-text');
  });

  it('refuses an unknown top-level key instead of dropping it', async () => {
    const view = await mountView();
    await pick(view, jsonFile(JSON.stringify({ ...rawDefaultInstrument(), version: '9.9.9', extra: true }), 'extra.json'));
    expect(view.get('[role="alert"]').text()).toContain('Fel vid extra: fältet finns inte i formatet.');
  });

  it('says a file that is not JSON is not JSON', async () => {
    const view = await mountView();
    await pick(view, jsonFile('{"id": "familjecentral-', 'trasig.json'));
    const alert = view.get('[role="alert"]');
    expect(alert.text()).toContain('Filen trasig.json kan inte läsas in som instrument:');
    expect(alert.text()).toContain('Filen är inte giltig JSON: den tar slut för tidigt, på rad 1, kolumn 24.');
    expect(view.find('[data-testid="instrument-preview"]').exists()).toBe(false);
  });

  it('names every problem in Swedish with its place in the file', async () => {
    const raw = rawDefaultInstrument();
    setAt(raw, ['version'], '2');
    setAt(raw, ['goals', 0, 'items', 0, 'statement', 'sv'], '  ');
    setAt(raw, ['goals', 1, 'items', 0, 'extra'], true);
    const view = await mountView();
    await pick(view, jsonFile(JSON.stringify(raw)));
    const problems = view.findAll('[data-testid="instrument-problems"] li').map((li) => li.text());
    expect(problems).toEqual([
      'Fel vid version: väntade en version som 1.0.0.',
      'Fel vid goals[0].items[0].statement.sv: får inte vara tomt.',
      'Fel vid goals[1].items[0].extra: fältet finns inte i formatet.',
    ]);
  });

  it('words the rules across the file: duplicate ids and numbers, level descriptions', async () => {
    const raw = rawDefaultInstrument();
    setAt(raw, ['goals', 0, 'items', 1, 'id'], 'g1-open-to-all');
    setAt(raw, ['goals', 1, 'number'], 1);
    deleteAt(raw, ['goals', 2, 'items', 0, 'levels', 3]);
    const view = await mountView();
    await pick(view, jsonFile(JSON.stringify(raw)));
    const problems = view.findAll('[data-testid="instrument-problems"] li').map((li) => li.text());
    expect(problems).toEqual([
      'Id:t g1-open-to-all förekommer flera gånger (goals[0].items[1].id).',
      'Målnummer 1 förekommer flera gånger (goals[1].number).',
      'Påståendet har 3 nivåbeskrivningar, men skalan har 4 steg (goals[2].items[0].levels).',
    ]);
  });

  it('shows at most 20 problems and how many more there are', async () => {
    const raw = rawDefaultInstrument();
    for (let g = 0; g < 5; g++) for (let i = 0; i < 6; i++) setAt(raw, ['goals', g, 'items', i, 'id'], `Fel ${String(i)}`);
    const view = await mountView();
    await pick(view, jsonFile(JSON.stringify(raw)));
    const items = view.findAll('[data-testid="instrument-problems"] li');
    expect(items).toHaveLength(21);
    expect(items[0]?.text()).toBe('Fel vid goals[0].items[0].id: väntade ett id med små bokstäver, siffror och bindestreck.');
    expect(items[20]?.text()).toBe('och 10 fel till.');
  });

  it('refuses a file over 2 MB without reading it', async () => {
    const file = jsonFile('{}', 'stor.json');
    Object.defineProperty(file, 'size', { value: 3 * 1024 * 1024 });
    const read = vi.spyOn(file, 'text');
    const view = await mountView();
    await pick(view, file);
    expect(view.get('[role="alert"]').text()).toContain('Filen är för stor (3,0 MB). Största tillåtna storlek är 2,0 MB.');
    expect(read).not.toHaveBeenCalled();
  });
});

describe('InstrumentsView: loading a valid file', () => {
  it('previews the new version with its differences from the one in use, and adds it', async () => {
    const view = await mountView();
    await pick(view, jsonFile(networkText, 'natverket-sodra.json'));
    const preview = view.get('[data-testid="instrument-preview"]');
    expect(preview.get('h2').text()).toBe('Instrumentet i natverket-sodra.json');
    expect(preview.text()).toContain('Självvärdering på vägen mot familjecentral – Nätverket Södra');
    expect(preview.text()).toContain('1.1.0');
    expect(preview.text()).toContain('5 mål, 35 påståenden');
    expect(preview.text()).toContain('Skillnader mot instrumentet som används nu (Självvärdering på vägen mot familjecentral, version 2.0.0)');
    const added = preview.get('[data-testid="instrument-addedItems"]');
    expect(added.get('h4').text()).toBe('Nya påståenden (1)');
    expect(added.text()).toContain('g2-network-meetings');
    expect(added.text()).toContain('Vi deltar i nätverkets gemensamma träffar för familjecentraler i regionen.');
    const removed = preview.get('[data-testid="instrument-removedItems"]');
    // The network's file was written from 1.0.0: against 2.0.0, in use now, it also lacks goal 4's six new statements.
    expect(removed.get('h4').text()).toBe('Borttagna påståenden (7)');
    expect(removed.text()).toContain('g1-health-themes');
    expect(removed.text()).toContain('g4-opening-hours');
    const reworded = preview.get('[data-testid="instrument-rewordedItems"]');
    expect(reworded.text()).toContain('g1-open-to-all');
    expect(reworded.text()).toContain('utan remiss, ansökan eller avgift');
    expect(reworded.text()).toContain('Tidigare: Vår verksamhet är öppen för alla blivande föräldrar och barnfamiljer i området, utan remiss eller ansökan.');
    expect(preview.find('[data-testid="instrument-scale-changed"]').exists()).toBe(false);
    expect(preview.find('[data-testid="instrument-addedGoals"]').exists()).toBe(false);

    const makeCurrent = preview.get<HTMLInputElement>('input[type="checkbox"]');
    expect(makeCurrent.element.checked).toBe(true);
    expect(makeCurrent.element.closest('label')?.textContent?.trim()).toBe('Använd för nya omgångar');
    await button(view, 'Lägg till instrumentet').trigger('click');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(view.find('[data-testid="instrument-installed"]').exists()).toBe(true);
    });
    expect(view.get('[data-testid="instrument-installed"]').text()).toBe(
      '”Självvärdering på vägen mot familjecentral – Nätverket Södra” version 1.1.0 har lagts till och används för nya omgångar.',
    );
    expect(document.activeElement).toBe(view.get('[data-testid="instrument-installed"]').element);
    await expectListed(view, [SHIPPED, SHIPPED_BEFORE, NETWORK]);
    expect(entry(view, NETWORK).get<HTMLInputElement>('input[type="radio"]').element.checked).toBe(true);
    expect(entry(view, NETWORK).text()).toContain('natverket-sodra.json');
    expect(await repository.getSetting(CURRENT_INSTRUMENT_KEY)).toBe(NETWORK);
  });

  it('adds an instrument without making it the one for new rounds when unticked', async () => {
    const view = await mountView();
    await pick(view, jsonFile(networkText));
    await view.get('[data-testid="instrument-preview"] input[type="checkbox"]').setValue(false);
    await button(view, 'Lägg till instrumentet').trigger('click');
    await expectListed(view, [SHIPPED, SHIPPED_BEFORE, NETWORK]);
    expect(view.get('[data-testid="instrument-installed"]').text()).toBe('”Självvärdering på vägen mot familjecentral – Nätverket Södra” version 1.1.0 har lagts till.');
    expect(entry(view, SHIPPED).get<HTMLInputElement>('input[type="radio"]').element.checked).toBe(true);
  });

  it('cancels without adding anything', async () => {
    const view = await mountView();
    await pick(view, jsonFile(networkText));
    await view.get('[data-testid="instrument-preview"]').findAll('button').find((b) => b.text() === 'Avbryt')?.trigger('click');
    expect(view.find('[data-testid="instrument-preview"]').exists()).toBe(false);
    expect(await repository.listInstalledInstruments()).toEqual([]);
  });

  it('says there is nothing to do when the same version with the same content is already there', async () => {
    await installNetwork();
    const view = await mountView();
    await pick(view, jsonFile(networkText));
    const preview = view.get('[data-testid="instrument-preview"]');
    expect(preview.text()).toContain('finns redan på enheten med samma innehåll. Inget behöver göras.');
    expect(view.findAll('button').some((b) => b.text() === 'Lägg till instrumentet')).toBe(false);
  });

  it('treats the built-in instrument the same way: its own file changes nothing', async () => {
    const view = await mountView();
    await pick(view, jsonFile(JSON.stringify(rawDefaultInstrument()), 'original.json'));
    expect(view.get('[data-testid="instrument-preview"]').text()).toContain('version 1.0.0 finns redan på enheten med samma innehåll');
  });

  it('refuses the same id and version with other content: a version must not change', async () => {
    await installNetwork();
    const changed = structuredClone(networkJson) as unknown as { [key: string]: Json };
    setAt(changed, ['goals', 0, 'items', 0, 'statement', 'sv'], 'En annan formulering.');
    const view = await mountView();
    await pick(view, jsonFile(JSON.stringify(changed)));
    const conflict = view.get('[data-testid="instrument-conflict"]');
    expect(conflict.attributes('role')).toBe('alert');
    expect(conflict.text()).toContain('familjecentral-sjalvvardering version 1.1.0');
    expect(conflict.text()).toContain('En version får inte ändras – höj versionsnumret i filen.');
    expect(view.find('[data-testid="instrument-preview"]').exists()).toBe(false);

    const shippedChanged = rawDefaultInstrument();
    setAt(shippedChanged, ['goals', 0, 'items', 0, 'statement', 'sv'], 'En annan formulering.');
    await pick(view, jsonFile(JSON.stringify(shippedChanged)));
    expect(view.get('[data-testid="instrument-conflict"]').text()).toContain('familjecentral-sjalvvardering version 1.0.0');
  });

  it('warns when the scale changes and when the id differs', async () => {
    const raw = rawDefaultInstrument();
    setAt(raw, ['id'], 'natverket-sodra');
    setAt(raw, ['scale', 'levels', 3, 'value'], 5);
    const view = await mountView();
    await pick(view, jsonFile(JSON.stringify(raw)));
    const preview = view.get('[data-testid="instrument-preview"]');
    expect(preview.text()).toContain('Filen har ett annat id (natverket-sodra) än instrumentet som används nu (familjecentral-sjalvvardering).');
    expect(preview.get('[data-testid="instrument-scale-changed"]').text()).toBe('Skalan är ändrad. Bedömningar på olika skalor går inte att jämföra rakt av.');
  });
});

describe('InstrumentsView in English', () => {
  it('words the page, the list and the problems in English', async () => {
    setLocale('en');
    const raw = rawDefaultInstrument();
    setAt(raw, ['version'], '2');
    const view = await mountView();
    expect(view.get('h1').text()).toBe('Instruments');
    expect(view.get('legend').text()).toBe('Instrument for new rounds');
    expect(entry(view, SHIPPED).text()).toContain('5 goals, 41 statements');
    expect(entry(view, SHIPPED).text()).toContain('Built in');
    await pick(view, jsonFile(JSON.stringify(raw), 'broken.json'));
    expect(view.get('[role="alert"]').text()).toContain('The file broken.json cannot be loaded as an instrument:');
    expect(view.get('[data-testid="instrument-problems"]').text()).toBe('Error at version: expected a version such as 1.0.0.');
  });
});
