import { expect, test } from '@playwright/test';
import { waitForServiceWorker } from './support/fixtures';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

test('the app is installable: a linked manifest with our own icons, and every asset precached', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const response = await request.get(`/${href ?? ''}`.replace('//', '/'));
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as { name: string; short_name: string; start_url: string; display: string; lang: string; icons: ManifestIcon[] };
  expect(manifest.lang).toBe('sv');
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/');
  const icons = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
  expect(icons).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const image = await request.get(`/${icon.src}`);
    expect(image.ok(), icon.src).toBe(true);
    expect(image.headers()['content-type']).toContain('image/png');
  }

  await waitForServiceWorker(page);
  // Every file of the build is in the worker's cache, lazy views and the instrument included.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
  expect(cached).toEqual(expect.arrayContaining(['/index.html', '/favicon.svg', '/icons/icon-192.png', '/manifest.webmanifest']));
  expect(cached.filter((url) => url.startsWith('/assets/') && url.includes('QuestionnaireView') && url.endsWith('.js'))).toHaveLength(1);
  expect(cached.filter((url) => url.startsWith('/assets/') && url.includes('default-instrument') && url.endsWith('.js'))).toHaveLength(1);
  for (const script of scripts.filter((url) => url.startsWith('/assets/'))) expect(cached).toContain(script);
});
