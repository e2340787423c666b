import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { InstrumentsPage } from './pages/InstrumentsPage';
import { expectNoSeriousA11yViolations } from './support/fixtures';

const SHIPPED = 'familjecentral-sjalvvardering@2.0.0';
const SHIPPED_BEFORE = 'familjecentral-sjalvvardering@1.0.0';
const NETWORK = 'familjecentral-sjalvvardering@1.1.0';
const networkFile = fileURLToPath(new URL('../fixtures/network-instrument.json', import.meta.url));

/** The network file with its version broken and one statement emptied: two problems with their paths. */
async function brokenFile(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const json = JSON.parse(await readFile(networkFile, 'utf8')) as {
    version: string;
    goals: { items: { statement: { sv: string } }[] }[];
  };
  json.version = '1.1';
  const first = json.goals[0]?.items[0];
  if (first) first.statement.sv = '';
  return { name: 'trasig-instrumentfil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) };
}

test('a network loads its own instrument version and a new round is answered with it', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new AppPage(page);
  const instruments = new InstrumentsPage(page);
  await app.gotoStart();
  await instruments.open();
  await expect(instruments.entry(SHIPPED)).toContainText('Inbyggt');
  await expect(instruments.entry(SHIPPED_BEFORE)).toContainText('Inbyggt');
  await expect(instruments.choice(SHIPPED)).toBeChecked();

  // A broken file: every problem in Swedish, with its place in the file. Nothing is added.
  await instruments.load(await brokenFile());
  await expect(page.getByRole('alert')).toContainText('Filen trasig-instrumentfil.json kan inte läsas in som instrument:');
  await expect(instruments.problems.getByRole('listitem')).toHaveText([
    'Fel vid version: väntade en version som 1.0.0.',
    'Fel vid goals[0].items[0].statement.sv: får inte vara tomt.',
  ]);
  await expectNoSeriousA11yViolations(page);

  // The network's file: a preview of what differs from the instrument in use.
  await instruments.load(networkFile);
  await expect(instruments.preview).toContainText('Självvärdering på vägen mot familjecentral – Nätverket Södra');
  await expect(instruments.preview).toContainText('Skillnader mot instrumentet som används nu (Självvärdering på vägen mot familjecentral, version 2.0.0)');
  await expect(instruments.preview.getByTestId('instrument-addedItems')).toContainText('Nya påståenden (1)');
  await expect(instruments.preview.getByTestId('instrument-addedItems')).toContainText('g2-network-meetings');
  await expect(instruments.preview.getByTestId('instrument-removedItems')).toContainText('g1-health-themes');
  await expect(instruments.preview.getByTestId('instrument-rewordedItems')).toContainText('g1-open-to-all');
  await expect(instruments.preview.getByRole('checkbox', { name: 'Använd för nya omgångar' })).toBeChecked();
  await expectNoSeriousA11yViolations(page);
  await instruments.install();
  await expect(page.getByTestId('instrument-installed')).toContainText('har lagts till och används för nya omgångar');
  await expect(instruments.entry(NETWORK)).toContainText('network-instrument.json');
  await expect(instruments.choice(NETWORK)).toBeChecked();

  // A new round: the form offers the instruments, the network's preselected.
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Södra' });
  await page.getByRole('link', { name: 'Starta ny omgång' }).click();
  const select = page.getByLabel('Instrument', { exact: true });
  await expect(select).toHaveValue(NETWORK);
  await expect(select.locator('option:checked')).toHaveText('Version 1.1.0: Självvärdering på vägen mot familjecentral – Nätverket Södra');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Rubrik').fill('Nätverkets omgång');
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nätverkets omgång' })).toBeVisible();

  // The network's new statement is in goal 2.
  await page.getByRole('link', { name: 'Mål 2' }).click();
  const added = page.locator('article[data-item-id="g2-network-meetings"]');
  await expect(added).toContainText('Vi deltar i nätverkets gemensamma träffar');
  await added.getByRole('radio', { name: /^3 / }).check();
  await app.expectSaved();

  // Back on the instruments page: the network's version is in use and cannot be removed.
  await page.goto('/instruments');
  await expect(instruments.entry(NETWORK).getByTestId('instrument-rounds')).toHaveText('1 omgång använder det');
  await expect(instruments.entry(NETWORK).getByRole('button', { name: /^Ta bort/ })).toBeDisabled();
  await expect(instruments.entry(NETWORK)).toContainText('Kan inte tas bort så länge omgångar använder det.');
  await expect(instruments.entry(SHIPPED).getByTestId('instrument-rounds')).toHaveText('Ingen omgång använder det');
  await expectNoSeriousA11yViolations(page);
});
