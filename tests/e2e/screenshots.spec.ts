import { test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const viewports = [
  { name: 'tablet-landscape', width: 1024, height: 768 },
  { name: 'tablet-portrait', width: 768, height: 1024 },
  { name: 'phone', width: 390, height: 844 },
  { name: 'projector', width: 1920, height: 1080 },
] as const;

for (const viewport of viewports) {
  test(`screenshots at ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const app = new AppPage(page);
    const shot = (name: string) => page.screenshot({ path: `screenshots/${viewport.name}-${name}.png`, fullPage: false });
    await app.gotoStart();
    await shot('01-start-empty');
    await app.createCentre({
      name: 'Familjecentralen Fittja',
      municipality: 'Botkyrka',
      district: 'Fittja',
      services: ['Barnhälsovård (BVC)', 'Öppen förskola', 'Socialtjänst (förebyggande)'],
    });
    await shot('02-centre');
    await page.getByRole('link', { name: 'Starta ny omgång' }).click();
    await page.getByLabel('Rubrik').fill('Avstämning våren 2026');
    await shot('03-round-form');
    await page.getByRole('button', { name: 'Starta omgången' }).click();
    await app.answer(0, 3);
    await app.answer(1, 2);
    await app.writeNote(1, 'Vi behöver en gemensam broschyr.');
    await app.expectSaved();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('04-questionnaire-top');
    await app.item(2).scrollIntoViewIfNeeded();
    await shot('05-questionnaire-item');
    await page.getByRole('link', { name: 'Familjecentralen Fittja' }).click();
    await shot('06-round-list');
    await page.goto('/');
    await shot('07-start-with-centre');
  });
}
