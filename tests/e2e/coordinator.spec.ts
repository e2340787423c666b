import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { CoordinatorPage } from './pages/CoordinatorPage';
import { expectNoSeriousA11yViolations, waitForServiceWorker } from './support/fixtures';
import { allItems, asUpload, asVersion1, exportFile } from './support/exportFiles';

const ALL = ['bmm', 'bvc', 'openPreschool', 'socialServices'] as const;

/**
 * Three centres, scored by hand (default instrument: five goals of seven statements):
 *
 * Alby (all four services, co-located)
 *   HT 2025: every statement 2 → all goals 2,0
 *   VT 2026: goal 1 all 3 → 3,0; goal 2 all 4 → 4,0; goal 3 3,3,3,3,3,4,4 → 23/7 = 3,29 (3,3);
 *            goal 4 six 2s and "Vet inte" → 2,0 (6 of 7); goal 5 not relevant this round
 *            all goals (3 + 4 + 3,29 + 2) / 4 = 3,07 (3,1); change since HT 2025 +1,07 (+1,1 ↑)
 *            coverage 27 of 28 (96 %): goal 5 is left out; profile (rules default-1): steps 1–3 taken, step 4
 *            on the way (its goal-4 participation statements are at 2)
 * Fittja (all four services, near each other) – a file of export format version 1, upgraded on import
 *   VT 2026: goal 1 2,3,2,3,2,3,2 → 17/7 = 2,43 (2,4); goals 2, 4, 5 all 3; goal 3 all 2
 *            all goals 13,43 / 5 = 2,69 (2,7); no earlier period → no change; 35 of 35 (100 %)
 *            profile: step 1 on the way (its goal-1 statements average 2,33), step 2 taken, steps 3 and 4
 *            on the way (near, goal 3 at 2)
 * Östberga (open preschool and social services only, separate)
 *   HT 2025: goal 1 all 3 → all goals 3,0
 *   VT 2026: goal 1 all 4, goal 2 all 2, the rest unanswered → all goals 3,0, change ±0;
 *            14 of 35 (40 %)
 */
const alby = exportFile({
  name: 'Familjecentralen Alby',
  district: 'Alby',
  services: ALL,
  coLocation: 'co-located',
  exportedAt: '2026-05-20T14:00:00.000Z',
  rounds: [
    {
      title: 'Hösten 2025',
      date: '2025-10-08',
      period: 'HT 2025',
      ratings: { 'goal-1': allItems(2), 'goal-2': allItems(2), 'goal-3': allItems(2), 'goal-4': allItems(2), 'goal-5': allItems(2) },
    },
    {
      title: 'Våren 2026',
      date: '2026-04-22',
      period: 'VT 2026',
      ratings: { 'goal-1': allItems(3), 'goal-2': allItems(4), 'goal-3': [3, 3, 3, 3, 3, 4, 4], 'goal-4': [2, 2, 2, 2, 2, 2, 'dont-know'] },
      skipped: ['goal-5'],
    },
  ],
});
// Exported before action plans and individual ratings existed: proves that old files still import.
const fittja = asVersion1(exportFile({
  name: 'Familjecentralen Fittja',
  district: 'Fittja',
  services: ALL,
  coLocation: 'near',
  exportedAt: '2026-05-18T09:30:00.000Z',
  rounds: [
    {
      title: 'Våren 2026',
      date: '2026-04-10',
      period: 'VT 2026',
      ratings: { 'goal-1': [2, 3, 2, 3, 2, 3, 2], 'goal-2': allItems(3), 'goal-3': allItems(2), 'goal-4': allItems(3), 'goal-5': allItems(3) },
    },
  ],
}));
const ostberga = exportFile({
  name: 'Familjecentralen Östberga',
  municipality: 'Stockholm',
  services: ['openPreschool', 'socialServices'],
  coLocation: 'separate',
  exportedAt: '2026-05-19T11:00:00.000Z',
  rounds: [
    { title: 'Hösten 2025', date: '2025-10-20', period: 'HT 2025', ratings: { 'goal-1': allItems(3) } },
    { title: 'Våren 2026', date: '2026-05-05', period: 'VT 2026', ratings: { 'goal-1': allItems(4), 'goal-2': allItems(2) } },
  ],
});
/** An older export of Alby: only the autumn round. */
const olderAlby = exportFile({
  name: 'Familjecentralen Alby',
  district: 'Alby',
  services: ALL,
  coLocation: 'co-located',
  centreId: alby.centre.id,
  exportedAt: '2025-11-01T10:00:00.000Z',
  rounds: [{ title: 'Hösten 2025', date: '2025-10-08', period: 'HT 2025', ratings: { 'goal-1': allItems(1) } }],
});

test('a coordinator imports three centres, compares them over time, sorts, exports CSV, removes and re-imports, offline too', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const app = new AppPage(page);
  const coordinator = new CoordinatorPage(page);
  await app.gotoStart();
  await waitForServiceWorker(page);
  await coordinator.open();
  await expect(page.getByText('Arbetsytan är tom.')).toBeVisible();

  // Import: three files in one pick, in no particular order.
  await coordinator.importFiles([
    asUpload('ostberga.json', ostberga),
    asUpload('Familjecentralen Alby – VT 2026 – 2026-05-20.json', alby),
    asUpload('fittja.json', fittja),
  ]);
  await expect(coordinator.reportFor('ostberga.json')).toContainText('Tillagd: Familjecentralen Östberga.');
  await expect(coordinator.reportFor('fittja.json')).toContainText('Tillagd: Familjecentralen Fittja.');
  await app.expectSaved();

  // The workspace keeps each file's provenance beside the centre.
  const albyInList = coordinator.workspaceList.locator('tbody tr').filter({ hasText: 'Familjecentralen Alby' });
  await expect(albyInList).toContainText('Familjecentralen Alby – VT 2026 – 2026-05-20.json');
  await expect(albyInList).toContainText('0.1.0');
  await expect(albyInList).toContainText('20 maj 2026');
  await expect(albyInList).toContainText('2 omgångar');
  await expect(albyInList).toContainText('HT 2025 – VT 2026');

  // Compared for the newest period, in name order (not by score), with hand-computed figures.
  await expect(coordinator.period).toHaveValue('VT 2026');
  expect(await coordinator.rowNames()).toEqual(['Familjecentralen Alby', 'Familjecentralen Fittja', 'Familjecentralen Östberga']);
  expect((await coordinator.cells('Familjecentralen Alby')).slice(0, 8)).toEqual(['3,0', '4,0', '3,3', '2,0', 'Inte aktuellt', '3,1', '+1,1 ↑', '27 av 28 (96 %)']);
  // The path as four small marks, each saying its step and status in words; never one number.
  const marks = coordinator.row('Familjecentralen Alby').getByTestId('path-marks').getByRole('listitem');
  await expect(marks).toHaveCount(4);
  await expect(marks.nth(3)).toContainText('Steg 4, Samlokalisering – en familjecentral: På väg');
  const statusesOf = (name: string) => coordinator.row(name).getByTestId('path-marks').getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('data-status')));
  expect(await statusesOf('Familjecentralen Alby')).toEqual(['taken', 'taken', 'taken', 'onTheWay']);
  expect(await statusesOf('Familjecentralen Fittja')).toEqual(['onTheWay', 'taken', 'onTheWay', 'onTheWay']);
  // Why: the evidence behind the marks, as the group reads it in its results.
  const albyWhy = page.getByTestId('centre-path-evidence').locator('details').filter({ hasText: 'Familjecentralen Alby' });
  await albyWhy.locator('summary').click();
  const albyStep4 = albyWhy.getByTestId('stage-evidence-4');
  await expect(albyStep4).toContainText('Steg 4: Samlokalisering – en familjecentral: På väg');
  await expect(albyStep4).toContainText('Vi frågar regelbundet föräldrar vad de tycker om verksamheten och vad de saknar.: 2');
  await expect(albyWhy.getByTestId('stage-evidence-1')).toContainText('Taget');
  await expect(coordinator.row('Familjecentralen Alby').locator('th')).toContainText('Våren 2026, 22 april 2026');
  expect((await coordinator.cells('Familjecentralen Fittja')).slice(0, 8)).toEqual(['2,4', '3,0', '2,0', '3,0', '3,0', '2,7', '–', '35 av 35 (100 %)']);
  expect((await coordinator.cells('Familjecentralen Östberga')).slice(0, 8)).toEqual(['4,0', '2,0', '–', '–', '–', '3,0', '±0', '14 av 35 (40 %)']);
  await expect(page.locator('canvas')).toHaveCount(3);
  await expect(page.getByText('Familjecentralen Alby: alla mål 3,1').first()).toBeVisible();

  // Over time: every centre's overall mean per period, oldest first.
  const timeline = page.getByTestId('centre-timeline');
  await expect(timeline.locator('thead')).toContainText('HT 2025');
  await expect(timeline.locator('tbody tr').nth(0)).toContainText('2,0');
  await expect(timeline.locator('tbody tr').nth(0).locator('td.change')).toHaveText('+1,1 ↑');
  await expectNoSeriousA11yViolations(page);

  // Sorting by a goal's score is a choice: goal 1, highest first.
  await coordinator.sortBy('Mål 1: Tidiga hälsofrämjande insatser för barnfamiljer', 'Högst först');
  await expect.poll(() => coordinator.rowNames()).toEqual(['Familjecentralen Östberga', 'Familjecentralen Alby', 'Familjecentralen Fittja']);
  await expect(coordinator.comparison.locator('thead th[aria-sort="descending"]')).toHaveText('Mål 1');
  await coordinator.sortBy('Mål 1: Tidiga hälsofrämjande insatser för barnfamiljer', 'Lägst först');
  await expect.poll(() => coordinator.rowNames()).toEqual(['Familjecentralen Fittja', 'Familjecentralen Alby', 'Familjecentralen Östberga']);
  await coordinator.sortBy('Mål 1: Tidiga hälsofrämjande insatser för barnfamiljer', 'Högst först');

  // The same table as CSV for Excel: BOM, semicolons, decimal comma, every mean with two decimals, in the order shown.
  const csv = await coordinator.downloadCsv();
  expect(csv.name).toMatch(/VT 2026\.csv$/);
  expect([...csv.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.content.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe(
    'Familjecentral;Kommun eller region;Stadsdel eller område;Period;Omgång;Datum;Mål 1;Mål 2;Mål 3;Mål 4;Mål 5;Alla mål;Förändring sedan förra perioden;Bedömda påståenden;Tillämpliga påståenden;Täckning (%);Steg 1: Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan;Steg 2: Utökad samverkan med BVC och BMM;Steg 3: Lokalisering nära varandra och tätt samarbete;Steg 4: Samlokalisering – en familjecentral;Fil;Exporterad;Appversion',
  );
  expect(lines.slice(1, 4).map((line) => line.split(';')[0])).toEqual(['Familjecentralen Östberga', 'Familjecentralen Alby', 'Familjecentralen Fittja']);
  expect(lines[2]).toBe('Familjecentralen Alby;Botkyrka;Alby;VT 2026;Våren 2026;2026-04-22;3,00;4,00;3,29;2,00;;3,07;1,07;27;28;96;taget;taget;taget;på väg;Familjecentralen Alby – VT 2026 – 2026-05-20.json;2026-05-20T14:00:00.000Z;0.1.0');
  expect(lines[3]).toBe('Familjecentralen Fittja;Botkyrka;Fittja;VT 2026;Våren 2026;2026-04-10;2,43;3,00;2,00;3,00;3,00;2,69;;35;35;100;på väg;taget;på väg;på väg;fittja.json;2026-05-18T09:30:00.000Z;0.1.0');

  // Another period: HT 2025 has only Alby and Östberga.
  await coordinator.period.selectOption('HT 2025');
  await expect(coordinator.row('Familjecentralen Fittja')).toContainText('Ingen omgång HT 2025');
  await expect(coordinator.row('Familjecentralen Alby').locator('td').nth(5)).toHaveText('2,0');
  await coordinator.period.selectOption('VT 2026');

  // Remove one centre: asked first, then undone.
  await coordinator.remove('Familjecentralen Fittja');
  await expect.poll(() => coordinator.rowNames()).toEqual(['Familjecentralen Östberga', 'Familjecentralen Alby']);
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toContainText('”Familjecentralen Fittja” togs bort från arbetsytan.');
  await toast.getByRole('button', { name: 'Ångra' }).click();
  await expect.poll(() => coordinator.rowNames()).toEqual(['Familjecentralen Östberga', 'Familjecentralen Alby', 'Familjecentralen Fittja']);

  // An older file of a centre does not replace the newer one.
  await coordinator.importFiles([asUpload('alby-november.json', olderAlby)]);
  await expect(coordinator.reportFor('alby-november.json')).toContainText(
    'Inte inläst: arbetsytan har redan en lika ny eller nyare fil från Familjecentralen Alby. Den behålls.',
  );
  await expect(coordinator.row('Familjecentralen Alby').locator('td').nth(5)).toHaveText('3,1');
  await expect(albyInList).toContainText('Familjecentralen Alby – VT 2026 – 2026-05-20.json');

  // A broken file gives a clear error and changes nothing.
  await coordinator.importFiles([
    asUpload('trasig.json', 'det här är ingen exportfil'),
    asUpload('halv.json', JSON.stringify({ format: 'familjecentral-export', formatVersion: 1, exportedAt: '2026-05-20T10:00:00.000Z' })),
  ]);
  await expect(coordinator.reportFor('trasig.json')).toContainText('Filen kunde inte läsas och har inte importerats.');
  await expect(coordinator.reportFor('trasig.json').getByTestId('import-problems')).toContainText('Filen är inte giltig JSON: fel på rad 1, kolumn 1.');
  await expect(coordinator.reportFor('halv.json').getByTestId('import-problems')).toContainText('centre');
  await expect.poll(() => coordinator.rowNames()).toHaveLength(3);
  await expectNoSeriousA11yViolations(page);

  // Offline after a reload: the code comes from the service worker, the files from the device.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Samordnarens jämförelse' })).toBeVisible();
  await expect.poll(() => coordinator.rowNames()).toEqual(['Familjecentralen Östberga', 'Familjecentralen Alby', 'Familjecentralen Fittja']);
  await expect(page.locator('canvas')).toHaveCount(3);
  expect((await coordinator.downloadCsv()).content.length).toBeGreaterThan(100);

  expect(errors.filter((message) => !message.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
});
