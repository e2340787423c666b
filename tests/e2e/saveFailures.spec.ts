import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoSeriousA11yViolations } from './support/fixtures';
import { launchPersistent, makeProfile } from './support/persistentBrowser';
import { fillTheDisk, freeSpace } from './support/storage';

const unsavedChoice = 'Svaret är inte sparat än. Appen försöker igen.';
const quotaMessage = /enheten har slut på lagringsutrymme/;

test('a full disk: the header says so, failed taps are marked, typed text stays, and after space is freed and a restart every tap is there', async ({ baseURL }) => {
  const profile = await makeProfile();
  let { context, page } = await launchPersistent(profile.dir, baseURL ?? '');
  try {
    let app = new AppPage(page);
    await app.gotoStart();
    await app.createCentre({ name: 'Familjecentralen Fullt' });
    await app.createRound('Omgång på full disk');
    const roundUrl = page.url();
    for (let i = 0; i < 3; i++) await app.answer(i, 2);
    await app.expectSaved();

    await fillTheDisk(page);
    for (let i = 3; i < 7; i++) await app.answer(i, 3);
    await expect(app.saveStatus).toContainText(quotaMessage);
    await expect(app.saveStatus).not.toContainText(/Sparat|QuotaExceeded|quota/);
    for (let i = 3; i < 7; i++) {
      await expect(app.item(i).getByText(unsavedChoice)).toBeVisible();
      await expect(app.item(i).getByRole('radio', { name: /^3 / })).toBeChecked();
    }
    await expect(app.item(0).getByText(unsavedChoice)).toHaveCount(0);
    const note = app.item(0).getByLabel('Anteckning');
    await note.fill('Skrivet när disken var full');
    await expect(app.item(0).getByText(/Texten är inte sparad än/)).toBeVisible();
    await expect(note).toHaveValue('Skrivet när disken var full');
    await expectNoSeriousA11yViolations(page);

    // Still full: pressing retry keeps the message and the marks.
    await app.saveStatus.getByRole('button', { name: 'Försök igen' }).click();
    await expect(app.saveStatus).toContainText(quotaMessage);
    await expect(app.item(6).getByText(unsavedChoice)).toBeVisible();

    await freeSpace(page);
    await app.saveStatus.getByRole('button', { name: 'Försök igen' }).click();
    await app.expectSaved();
    await expect(page.getByText(unsavedChoice)).toHaveCount(0);
    await expect(app.item(0).getByText(/Texten är inte sparad än/)).toHaveCount(0);
    await context.close();

    ({ context, page } = await launchPersistent(profile.dir, baseURL ?? ''));
    await page.goto(roundUrl);
    app = new AppPage(page);
    for (let i = 0; i < 7; i++) await expect(app.item(i).getByRole('radio', { name: new RegExp(`^${String(i < 3 ? 2 : 3)} `) })).toBeChecked();
    await expect(app.item(0).getByLabel('Anteckning')).toHaveValue('Skrivet när disken var full');
    await expect(page.getByText('Totalt 7 av 41 besvarade')).toBeVisible();
  } finally {
    await context.close().catch(() => undefined);
    await profile.remove();
  }
});

test('a full disk that clears by itself: the failed tap is retried without anyone pressing a button', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Självläkande' });
  await app.createRound('Omgång som försöker igen');
  await fillTheDisk(page);
  await app.answer(0, 4);
  await expect(app.saveStatus).toContainText(quotaMessage);
  await freeSpace(page);
  await app.expectSaved();
  await page.reload();
  await expect(app.item(0).getByRole('radio', { name: /^4 / })).toBeChecked();
});

test('an upgrade blocked by an older tab: the header says to close it, and saving goes on once it is closed', async ({ page, context }) => {
  // The other tab: an older version of the app holding version 1 of the database open, deaf to
  // requests to let go. It sits on a file of the same origin, so it is no copy of this app.
  const older = await context.newPage();
  await older.goto('/schema/export-v3.schema.json');
  await older.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('familjecentral', 10);
        request.onupgradeneeded = () => {
          const created = request.result;
          created.createObjectStore('centres', { keyPath: 'id' }).createIndex('name', 'name');
          created.createObjectStore('rounds', { keyPath: 'id' }).createIndex('centreId', 'centreId');
          const answers = created.createObjectStore('answers', { keyPath: 'id' });
          answers.createIndex('roundId', 'roundId');
          answers.createIndex('[roundId+itemId]', ['roundId', 'itemId'], { unique: true });
          const reflections = created.createObjectStore('reflections', { keyPath: 'id' });
          reflections.createIndex('roundId', 'roundId');
          reflections.createIndex('[roundId+goalId]', ['roundId', 'goalId'], { unique: true });
        };
        request.onsuccess = () => {
          const held = request.result;
          held.onversionchange = () => undefined;
          (window as unknown as { held: IDBDatabase }).held = held;
          resolve();
        };
        request.onerror = () => reject(new Error('could not open'));
      }),
  );

  const app = new AppPage(page);
  await page.goto('/');
  await expect(app.saveStatus).toContainText('Stäng den andra fliken');
  await expect(app.saveStatus.getByRole('button', { name: 'Försök igen' })).toHaveCount(0);

  await older.evaluate(() => {
    (window as unknown as { held: IDBDatabase }).held.close();
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Välj familjecentral' })).toBeVisible();
  await expect(app.saveStatus).not.toContainText('Stäng den andra fliken');
  await app.createCentre({ name: 'Familjecentralen Efter uppgraderingen' });
  await app.createRound('Sparas igen');
  await app.answer(0, 2);
  await app.expectSaved();
});

test('the same note typed in two tabs: the later write does not overwrite the other, the user picks', async ({ page, context }) => {
  const first = new AppPage(page);
  await first.gotoStart();
  await first.createCentre({ name: 'Familjecentralen Två skribenter' });
  await first.createRound('Delad anteckning');
  const other = await context.newPage();
  await other.goto(page.url());
  const second = new AppPage(other);
  await expect(second.item(0)).toBeVisible();

  // The second tab's text cannot be written yet (its disk is full) while the first tab writes its own.
  await fillTheDisk(other);
  await second.item(0).getByLabel('Anteckning').fill('Andra flikens text');
  await expect(second.saveStatus).toContainText(quotaMessage);
  await first.item(0).getByLabel('Anteckning').fill('Första flikens text');
  await first.expectSaved();

  await freeSpace(other);
  await second.saveStatus.getByRole('button', { name: 'Försök igen' }).click();
  const alert = second.item(0).getByRole('alert');
  await expect(alert).toContainText('Texten ändrades i en annan flik medan du skrev här.');
  await expect(alert).toContainText('Första flikens text');
  await expect(second.saveStatus).toContainText('en text ändrades i en annan flik');
  await expect(second.item(0).getByLabel('Anteckning')).toHaveValue('Andra flikens text');
  await expectNoSeriousA11yViolations(other);
  // Nothing was overwritten while the user decides.
  await expect(first.item(0).getByLabel('Anteckning')).toHaveValue('Första flikens text');

  await alert.getByRole('button', { name: 'Behåll min text' }).click();
  await second.expectSaved();
  await expect(first.item(0).getByLabel('Anteckning')).toHaveValue('Andra flikens text');
  await page.reload();
  await expect(first.item(0).getByLabel('Anteckning')).toHaveValue('Andra flikens text');
});
