import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Fails on serious or critical axe violations, listing them readably. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, 'serious or critical accessibility violations').toEqual([]);
}

/** Waits until the service worker controls the page, so that offline reloads are served from its cache. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit is not controlled (clientsClaim is off): the next navigation is.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.evaluate(() => navigator.serviceWorker.controller !== null);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** Every control in `scope` is at least 44 px high, a target a finger hits on a tablet. */
export async function expectTouchTargets(scope: Locator, controls = 'button, input, select, textarea, summary'): Promise<void> {
  for (const control of await scope.locator(controls).all()) {
    const box = await control.boundingBox();
    expect(box?.height ?? 0, await control.evaluate((element) => element.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(44);
  }
}

/** The page fits its width: nothing to scroll sideways on a tablet held upright. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
