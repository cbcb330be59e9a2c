// Headless Chromium for the e2e specs and the benches (playwright-core), and fresh pages in it.
// Importing this file has no side effect.
//
// Environment: CHROMIUM  the browser (default: /usr/bin/chromium)
import assert from 'node:assert/strict';
import { readFile, access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST, ROOT } from './paths.mjs';

export const { chromium } = createRequire(join(ROOT, 'noop.js'))('playwright-core');

export const VIEWPORTS = {
  tablet: { width: 768, height: 1024 },
  phone: { width: 360, height: 740 },
};

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch({ extraArgs = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Why the build in `dist` cannot be tested (no widget module, or a core without mountWidget), or null. */
export async function distStatus(dist = DIST) {
  try {
    await access(join(dist, 'blincyto-checker.js'));
  } catch {
    return `no ${join(dist, 'blincyto-checker.js')}: build first (trunk build --release --offline)`;
  }
  try {
    const core = await readFile(join(dist, 'blincyto-checker-core.js'), 'utf8');
    if (!/mountWidget/.test(core)) return `${join(dist, 'blincyto-checker-core.js')} does not export mountWidget: the widget is not built yet`;
  } catch {
    return `no ${join(dist, 'blincyto-checker-core.js')}`;
  }
  return null;
}

/**
 * A new context + page that records page errors and console messages.
 * Returns { context, page, errors, console }.
 */
export async function openPage(browser, { viewport = VIEWPORTS.tablet, ...options } = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const errors = [];
  const consoleMessages = [];
  page.on('pageerror', (e) => errors.push(String(e && e.stack ? e.stack : e)));
  page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  return { context, page, errors, console: consoleMessages };
}

/**
 * Runs `fn({ page, context, errors, console })` in a fresh context and closes it afterwards.
 * Fails when the page threw an uncaught error (unless `allowErrors`).
 */
export async function withPage(browser, options, fn, { allowErrors = false } = {}) {
  const p = await openPage(browser, options);
  try {
    const out = await fn(p);
    if (!allowErrors) assert.ok(p.errors.length === 0, `page errors: ${p.errors.join(' | ')}`);
    return out;
  } finally {
    await p.context.close();
  }
}

/**
 * A fresh context whose device clock stands at noon (Stockholm) of `day` (`YYYY-MM-DD`) from
 * before the page loads: `new Date()` and `Date.now()` return it.
 */
export async function withPageOn(browser, day, options, fn) {
  return withPage(browser, { timezoneId: 'Europe/Stockholm', ...options }, async (p) => {
    await p.page.clock.setFixedTime(new Date(`${day}T12:00:00+01:00`));
    return fn(p);
  });
}

/** The result's `dataset` (version, asOf, checked, staleAfterMonths), from the built module. */
export async function datasetInfo(browser, server) {
  return withPage(browser, {}, async ({ page }) => {
    await page.goto(server.host({ count: '0' }));
    return page.evaluate(async () => (await import('/blincyto-checker.js')).evaluate({ jurisdiction: 'se' }).dataset);
  });
}
