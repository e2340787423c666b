import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { launchPersistent, makeProfile } from './support/persistentBrowser';

test('a browser closed right after a tap keeps that answer and note', async ({ baseURL }) => {
  const profile = await makeProfile();
  try {
    let { context, page } = await launchPersistent(profile.dir, baseURL ?? '');
    let app = new AppPage(page);
    await app.gotoStart();
    await app.createCentre({ name: 'Familjecentralen Ekerö' });
    await app.createRound('Avstämning HT 2026');
    await app.answer(0, 4);
    await app.item(1).getByLabel('Anteckning').fill('Sista anteckningen innan locket stängdes.');
    await app.answer(1, 3);
    // The moment the status says saved, the whole browser goes away.
    await app.expectSaved();
    await context.close();

    ({ context, page } = await launchPersistent(profile.dir, baseURL ?? ''));
    app = new AppPage(page);
    await app.gotoStart();
    await page.getByRole('link', { name: /Familjecentralen Ekerö/ }).click();
    await page.getByRole('link', { name: 'Fortsätt' }).click();
    await expect(app.item(0).getByRole('radio', { name: /^4 / })).toBeChecked();
    await expect(app.item(1).getByRole('radio', { name: /^3 / })).toBeChecked();
    await expect(app.item(1).getByLabel('Anteckning')).toHaveValue('Sista anteckningen innan locket stängdes.');
    await context.close();
  } finally {
    await profile.remove();
  }
});
