// Start: the questionnaire opened offline from the service worker in a new page, its first
// contentful paint against the moment its first statement can be answered. Used by bench.mjs.

/** Runs in every page before the app: records when a statement's scale is first in the page. */
function markUsable() {
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const observer = new MutationObserver(() => {
    if (document.querySelector('article[data-item-id] input[type="radio"]')) {
      observer.disconnect();
      // Usable once the frame with the scale is drawn.
      requestAnimationFrame(() => (window.__usableAt = performance.now()));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

export async function benchStart({ browser, origin, runs }) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  await context.addInitScript(markUsable);
  const setup = await context.newPage();
  await setup.goto(`${origin}/`);
  await setup.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await setup.reload();
  await setup.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await setup.getByRole('link', { name: 'Lägg till familjecentral' }).click();
  await setup.getByLabel('Namn').fill('Bench');
  await setup.getByRole('button', { name: 'Skapa familjecentral' }).click();
  await setup.getByRole('link', { name: 'Starta ny omgång' }).click();
  await setup.getByLabel('Rubrik').fill('Bench');
  await setup.getByRole('button', { name: 'Starta omgången' }).click();
  await setup.locator('article[data-item-id]').first().waitFor();
  const url = setup.url();
  await setup.close();
  await context.setOffline(true);
  const fcp = [];
  const usable = [];
  let cls = 0;
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__usableAt !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const figures = await page.evaluate(() => ({ fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime, usable: window.__usableAt, cls: window.__cls }));
    fcp.push(figures.fcp);
    usable.push(figures.usable);
    cls = Math.max(cls, figures.cls);
    await page.close();
  }
  await context.close();
  return { fcp, usable, cls, start: await firstVisit(browser, origin, runs) };
}

/** A first visit to the start page (empty cache, online): its first contentful paint and layout shift. */
async function firstVisit(browser, origin, runs) {
  const fcp = [];
  let cls = 0;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
    await context.addInitScript(markUsable);
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    const figures = await page.evaluate(() => ({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, cls: window.__cls }));
    fcp.push(figures.fcp);
    cls = Math.max(cls, figures.cls);
    await context.close();
  }
  return { fcp, cls };
}
