import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll } from './support/fixtures';
import { importMeetingFile, meetingFile } from './support/meetingFile';

/** The lines each word of an element's text is drawn on: a word on two lines was broken inside. */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((element) => {
      const node = [...element.childNodes].find((child) => child.nodeType === Node.TEXT_NODE);
      if (!node?.textContent) return [];
      const broken: string[] = [];
      const pattern = /\S+/g;
      for (let match = pattern.exec(node.textContent); match; match = pattern.exec(node.textContent)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
      return broken;
    }),
  );
}

test('an upright tablet: the four-step scale is two by two, goal tabs wrap between words; the report fits a phone', async ({ page }) => {
  const file = meetingFile();
  await importMeetingFile(page, file);
  const round = `/centres/${file.centre.id}/rounds/${file.rounds[1]?.id ?? ''}`;
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(`${round}/goals/goal-3`);
  const steps = page.locator('.item-card').first().locator('.scale--levels .scale__option');
  await expect(steps).toHaveCount(4);
  const tops = await steps.evaluateAll((labels) => labels.map((label) => Math.round(label.getBoundingClientRect().top)));
  expect(new Set(tops).size, 'two rows').toBe(2);
  expect(tops[0]).toBe(tops[1]);
  expect(tops[2]).toBe(tops[3]);
  expect(await brokenWords(page, '.goal-nav__title')).toEqual([]);
  await expect(page.locator('.goal-nav__title').nth(2)).toHaveText('Samlokalisering');
  await expectNoHorizontalScroll(page);

  // Landscape: one row of four.
  await page.setViewportSize({ width: 1024, height: 768 });
  const wide = await steps.evaluateAll((labels) => labels.map((label) => Math.round(label.getBoundingClientRect().top)));
  expect(new Set(wide).size, 'one row').toBe(1);
  expect(await brokenWords(page, '.goal-nav__title')).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${round}/report`);
  await page.locator('canvas').first().waitFor();
  await expect(page.getByTestId('report-summary')).toBeVisible();
  await expectNoHorizontalScroll(page);
});
