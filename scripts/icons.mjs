#!/usr/bin/env node
// Renders the app icons of app.html (www/icons/*.png) from their one source, www/icons/icon.svg,
// in the headless Chromium the tests use (playwright-core, /usr/bin/chromium or $CHROMIUM):
//
//   node scripts/icons.mjs
//
// The PNGs are committed (the build copies them, it does not render them); run this after an
// edit of icon.svg and commit both. The same Chromium gives the same bytes.
//
//   icon-192.png, icon-512.png   purpose "any": the SVG with rounded corners, transparent outside
//   icon-maskable-512.png        purpose "maskable": the full-bleed SVG as it is (the launcher crops it)
//   apple-touch-icon.png         180×180, full bleed and opaque (iOS and iPadOS round it themselves)
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ICONS = join(ROOT, 'www', 'icons');
const { chromium } = createRequire(join(ROOT, 'noop.js'))('playwright-core');

/** [file, size in px, rounded corners (and transparent outside them)]. */
export const ICON_FILES = [
  ['icon-192.png', 192, true],
  ['icon-512.png', 512, true],
  ['icon-maskable-512.png', 512, false],
  ['apple-touch-icon.png', 180, false],
];

const svg = await readFile(join(ICONS, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [file, size, rounded] of ICON_FILES) {
    await page.setViewportSize({ width: size, height: size });
    // 22.5 % corners: about what Android and desktop launchers draw for a plain "any" icon.
    await page.setContent(`<!doctype html><style>
      html, body { margin: 0; background: transparent; }
      div { width: ${size}px; height: ${size}px; overflow: hidden; border-radius: ${rounded ? '22.5%' : '0'}; }
      svg { display: block; width: 100%; height: 100%; }
    </style><div>${svg}</div>`);
    const png = await page.screenshot({ type: 'png', omitBackground: rounded, clip: { x: 0, y: 0, width: size, height: size } });
    await writeFile(join(ICONS, file), png);
    console.log(`icons: www/icons/${file} ${size}×${size} (${png.length} bytes)`);
  }
  console.log(`icons: rendered by Chromium ${browser.version()}`);
} finally {
  await browser.close();
}
