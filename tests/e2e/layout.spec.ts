import { expect, test } from '@playwright/test';
import { expectLayoutFits } from './support/layout';
import { mainViews, SIZES } from './support/mainViews';
import { importMeetingFile, meetingFile } from './support/meetingFile';

test('no text overflows its box and no control is outside the viewport, on every main view at five sizes', async ({ page }) => {
  test.setTimeout(150_000);
  const file = meetingFile();
  await importMeetingFile(page, file);
  const problems: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const view of mainViews(file)) {
      await page.goto(view.path);
      await view.ready(page);
      const found = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (found > 0) problems.push(`${size.name} ${view.name}: the page scrolls sideways by ${String(found)} px`);
      try {
        await expectLayoutFits(page, `${size.name} ${view.name}`);
      } catch (error) {
        problems.push(error instanceof Error ? error.message.split('\n').slice(0, 12).join('\n') : String(error));
      }
    }
  }
  expect(problems).toEqual([]);
});
