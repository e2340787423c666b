#!/usr/bin/env node
// Renders the app icons from one SVG motif with headless Chromium (playwright-core).
//   node scripts/make-icons.mjs
// Writes public/favicon.svg and public/icons/{icon-192,icon-512,icon-maskable-512,apple-touch-icon}.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, resolveChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = join(root, 'public');
const iconsDir = join(publicDir, 'icons');

const TEAL = '#1f5f5b';
const PAPER = '#f7f5f0';
const WARM = '#e39b4a'; // the child: a warm accent so the motif reads as "family", not "people"

/**
 * The motif on a 512×512 canvas: a house outline sheltering two adults and a child.
 * Figures are drawn first so the house's floor line covers their feet.
 * Its drawn extent is about x 70–442, y 74–438 (centre ≈ 256,256).
 */
function motif({ line, child, gap }) {
  return `
    <g fill="${line}">
      <circle cx="195" cy="262" r="25"/>
      <path d="M159 420 V336 A36 36 0 0 1 231 336 V420 Z"/>
      <circle cx="317" cy="262" r="25"/>
      <path d="M281 420 V336 A36 36 0 0 1 353 336 V420 Z"/>
    </g>
    <g fill="${child}" stroke="${gap}" stroke-width="8" paint-order="stroke">
      <circle cx="256" cy="318" r="19"/>
      <path d="M227 420 V374 A29 29 0 0 1 285 374 V420 Z"/>
    </g>
    <g fill="none" stroke="${line}" stroke-width="30" stroke-linecap="round" stroke-linejoin="round">
      <path d="M86 238 L256 92 L426 238"/>
      <path d="M132 206 V398 Q132 422 156 422 H356 Q380 422 380 398 V206"/>
    </g>`;
}

/** Variants. `scale` shrinks the motif about the centre (1 = the design above). */
function svg({ size, bg, line, child, scale, radius }) {
  const s = scale;
  const t = Math.round(256 * (1 - s) * 100) / 100;
  const background =
    radius > 0
      ? `<rect width="512" height="512" rx="${radius}" fill="${bg}"/>`
      : `<rect width="512" height="512" fill="${bg}"/>`;
  const sizeAttrs = size === null ? '' : ` width="${size}" height="${size}"`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"${sizeAttrs}>${background}<g transform="translate(${t} ${t}) scale(${s})">${motif({ line, child, gap: bg })}</g></svg>`;
}

const light = { bg: PAPER, line: TEAL, child: WARM };
const dark = { bg: TEAL, line: PAPER, child: WARM };

const pngs = [
  // "any" icons: full-bleed warm paper, teal motif with a little margin.
  { file: 'icon-192.png', size: 192, ...light, scale: 0.9, radius: 0 },
  { file: 'icon-512.png', size: 512, ...light, scale: 0.9, radius: 0 },
  // Maskable: full-bleed teal; motif kept inside the central 80 % safe zone (circle r = 204.8 px).
  { file: 'icon-maskable-512.png', size: 512, ...dark, scale: 0.82, radius: 0 },
  // iOS rounds the corners itself and wants an opaque square.
  { file: 'apple-touch-icon.png', size: 180, ...light, scale: 0.86, radius: 0 },
];

// Favicon: teal rounded square so the shape stays readable at 16 px on light and dark tab strips.
const favicon = svg({ size: null, ...dark, scale: 0.92, radius: 112 });

mkdirSync(iconsDir, { recursive: true });
writeFileSync(join(publicDir, 'favicon.svg'), `${favicon}\n`);
console.log('wrote public/favicon.svg');

const browser = await chromium.launch({ executablePath: await resolveChromium(), args: chromiumArgs, headless: true });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of pngs) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
      `<!doctype html><html><head><style>html,body{margin:0;padding:0;overflow:hidden}svg{display:block}</style></head><body>${svg(icon)}</body></html>`,
    );
    const out = join(iconsDir, icon.file);
    await page.screenshot({ path: out, omitBackground: false, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
    console.log(`wrote public/icons/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
