// The installable offline page (issue 23): dist/app.html, its manifest, icons and service worker.
// After one online load the page starts and answers with the network off; the currency notice
// still follows the dataset's `checked` date; a new release replaces the old cache on the next
// online load; no request while answering; the embed and the demo register no service worker; the
// project's strict CSP with zero violations; axe wcag22aa.
//
//   node --test e2e/offline.spec.mjs
//
// Service workers need a secure context: http://127.0.0.1 (the test server) is one. Each test
// has its own browser context, so its registrations and caches start empty.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  DIST, ROOT, AXE_PATH, VIEWPORTS,
  serveAndLaunch, startServer, withPage, Widget, walk, validExamples, datasetInfo, addMonths, addDays,
} from './lib.mjs';
import { releaseVersion, precached } from '../scripts/release-info.mjs';
import { stampServiceWorker } from '../scripts/stamp-sw.mjs';

const timeout = 180_000;
const examples = await validExamples();
const { version } = await releaseVersion();
/** A browser context that lets the page register its worker (Playwright's default, said aloud). */
const SW = { serviceWorkers: 'allow', viewport: VIEWPORTS.tablet };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The manifest's registered MIME type, as docs/app.md asks of a host (the test server does not know it). */
const manifestType = (path) => (path.endsWith('.webmanifest') ? { 'content-type': 'application/manifest+json' } : {});

/** The width and height a PNG's header gives. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Waits until app.html's worker is active (it registers after the page's load event). Returns the caches of this origin. */
async function installed(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const sw = reg.active;
    if (sw.state !== 'activated') await new Promise((ok) => sw.addEventListener('statechange', () => sw.state === 'activated' && ok()));
    return { scope: reg.scope, caches: await caches.keys() };
  });
}

/**
 * Runs `fn({ base, requests, requested, offline })` with a server of its own for `dir` (default
 * dist/): `requests`, the paths it was asked for; `requested(path)`, a promise of the next request
 * for `path`; `offline()` takes the network away as a ward basement does, for the page
 * (Playwright's `setOffline`) and for the browser itself (its own check of sw.js on each start
 * goes around `setOffline`): the server stops.
 */
async function withOwnServer(context, fn, dir = DIST) {
  const waiting = [];
  const own = await startServer({
    dist: dir,
    headersFor: (path) => {
      for (const [i, w] of [...waiting.entries()].reverse()) {
        if (w.path === path) waiting.splice(i, 1)[0].ok();
      }
      return manifestType(path);
    },
  });
  const requested = (path) => new Promise((ok) => waiting.push({ path, ok }));
  try {
    return await fn({ base: own.base, requests: own.requests, requested, offline: async () => { await context.setOffline(true); await own.close(); } });
  } finally {
    await own.close();
  }
}

/** Waits for the widget, walks `example` as a person does and returns the verdict. */
async function answer(page, example) {
  const w = await new Widget(page).ready();
  w.paste = true;
  await walk(w, example.input);
  return w.verdict();
}

describe('offline app page', () => {
  let server;
  let browser;
  serveAndLaunch((s, b) => {
    server = s;
    browser = b;
    server.headersFor = manifestType;
  });

  it('manifest: name, short name, standalone, start_url, theme colour, 192 and 512 icons (one maskable) of those sizes; a 180×180 apple-touch-icon; Chromium finds it installable', { timeout }, async () => {
    await withPage(browser, SW, async ({ page }) => {
      await page.goto(`${server.base}/app.html`);
      await installed(page);
      const links = await page.evaluate(() => ({
        manifest: document.querySelector('link[rel="manifest"]')?.href,
        apple: document.querySelector('link[rel="apple-touch-icon"]')?.href,
        theme: document.querySelector('meta[name="theme-color"]')?.content,
      }));
      const manifest = await (await page.request.get(links.manifest)).json();
      assert.equal(manifest.display, 'standalone');
      assert.ok(manifest.name && manifest.short_name && manifest.short_name.length <= 12, `name ${manifest.name}, short_name ${manifest.short_name}`);
      assert.equal(new URL(manifest.start_url, links.manifest).href, `${server.base}/app.html`, 'start_url is app.html');
      assert.equal(manifest.theme_color, '#005b89', 'the portal\'s action blue');
      assert.equal(links.theme, manifest.theme_color, 'the page\'s theme-color is the manifest\'s');
      const sizes = [];
      for (const icon of manifest.icons) {
        const [w, h] = pngSize(await (await page.request.get(new URL(icon.src, links.manifest).href)).body());
        assert.equal(`${w}x${h}`, icon.sizes, `${icon.src}: the PNG is ${w}×${h}, the manifest says ${icon.sizes}`);
        sizes.push(`${icon.sizes} ${icon.purpose ?? 'any'}`);
      }
      for (const want of ['192x192 any', '512x512 any']) assert.ok(sizes.includes(want), `${want} in ${sizes}`);
      assert.ok(sizes.some((s) => s.endsWith(' maskable')), `a maskable icon in ${sizes}`);
      assert.deepEqual(pngSize(await (await page.request.get(links.apple)).body()), [180, 180], 'apple-touch-icon');
      // Chromium's own verdict (what decides its install prompt): no installability error but
      // 'in-incognito', which is the test's browser profile (a fresh context), not the page.
      const cdp = await page.context().newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), [], 'Chromium\'s installability errors');
    });
  });

  it('offline: after one online load, app.html starts with the network off and answers public examples', { timeout }, async () => {
    await withPage(browser, SW, async ({ page, context }) => withOwnServer(context, async ({ base, offline }) => {
      await page.goto(`${base}/app.html`);
      const { scope, caches } = await installed(page);
      assert.equal(scope, `${base}/app.html`, 'the worker\'s scope is app.html alone');
      assert.equal(caches.length, 1, `caches: ${caches}`);
      assert.ok(caches[0].startsWith(`blincyto-checker-${version}-`), `the cache ${caches[0]} is named after the release ${version}`);
      await offline();
      for (const name of ['adult refractory, Sweden, bridging', 'adult MRD-positive CR1, Norway']) {
        await page.reload();
        assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page came from the worker');
        assert.equal(await answer(page, examples.byName[name]), examples.byName[name].expect.verdict, `${name}: the verdict offline`);
      }
    }));
  });

  it('currency offline: a copy loaded once and used offline past checked + staleAfterMonths says it may be out of date, the day before it does not', { timeout }, async () => {
    const info = await datasetInfo(browser, server);
    const end = addMonths(info.checked, info.staleAfterMonths);
    await withPage(browser, { ...SW, timezoneId: 'Europe/Stockholm' }, async ({ page, context }) => withOwnServer(context, async ({ base, offline }) => {
      const on = (day) => page.clock.setFixedTime(new Date(`${day}T12:00:00+01:00`));
      const stale = () => page.evaluate(() => document.querySelector('blincyto-checker').shadowRoot
        .querySelectorAll('[data-stale]').length);
      await on(info.checked);
      await page.goto(`${base}/app.html`);
      await new Widget(page).ready();
      await installed(page);
      assert.equal(await stale(), 0, `online on ${info.checked}: no notice`);
      await offline();
      for (const [day, count] of [[addDays(end, -1), 0], [addDays(end, 1), 1], [addMonths(info.checked, 25), 1]]) {
        await on(day);
        await page.reload();
        assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page came from the worker');
        await new Widget(page).ready();
        assert.equal(await stale(), count, `offline on ${day} (checked ${info.checked} + ${info.staleAfterMonths} months = ${end}): [data-stale] elements`);
      }
    }));
  });

  it('privacy: after the install no request at all while answering, and no request ever carries what was entered', { timeout }, async () => {
    await withPage(browser, SW, async ({ page, context }) => withOwnServer(context, async ({ base, requests: served, requested }) => {
      const urls = [];
      context.on('request', (r) => urls.push(r.url()));
      await page.goto(`${base}/app.html`);
      await installed(page);
      // The next start: from the cache, and the browser's own check for a new sw.js (a fixed URL,
      // about a second after the start). Then nothing more until the next load.
      const check = requested('/sw.js');
      await page.reload();
      const w = await new Widget(page).ready();
      await check;
      const seen = [urls.length, served.length];
      for (const name of ['child, second relapse after two lines, Sweden, no transplant planned', 'adult Ph-positive refractory after two TKIs, no alternatives, Norway']) {
        await w.host.evaluate((el) => el.reset());
        assert.equal(await answer(page, examples.byName[name]), examples.byName[name].expect.verdict, name);
      }
      assert.deepEqual(urls.slice(seen[0]), [], 'requests while answering');
      assert.deepEqual(served.slice(seen[1]), [], 'requests that reached the server while answering');
      // Everything asked for, ever: the page's own files, by name, with no query.
      const files = new Set(['sw.js', ...precached(await readFile(join(DIST, 'sw.js'), 'utf8'))].map((f) => `${base}/${f}`));
      assert.deepEqual(urls.filter((u) => !files.has(u)), [], 'requests for anything but the page\'s files');
      assert.deepEqual(served.filter((p) => !files.has(`${base}${p}`)), [], 'paths served but the page\'s files');
    }));
  });

  it('the embed registers no service worker: the demo and embed.html have none, and app.html\'s worker controls neither', { timeout }, async () => {
    await withPage(browser, SW, async ({ page, context }) => {
      const workers = [];
      context.on('serviceworker', (sw) => workers.push(sw.url()));
      const registrations = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
      for (const path of ['/index.html', '/embed.html']) {
        await page.goto(`${server.base}${path}`);
        await new Widget(page).ready();
        await page.waitForLoadState('networkidle');
        assert.deepEqual(await registrations(), [], `${path}: service worker registrations`);
      }
      assert.deepEqual(workers, [], 'service workers started');
      await page.goto(`${server.base}/app.html`);
      await installed(page);
      assert.deepEqual(await registrations(), [`${server.base}/app.html`]);
      for (const path of ['/index.html', '/embed.html']) {
        await page.goto(`${server.base}${path}`);
        await new Widget(page).ready();
        assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null, `${path} is not controlled by app.html's worker`);
      }
    });
  });

  it('update: a new release, loaded online once, replaces the old cache, and the next start serves it offline', { timeout }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'blincyto-app-'));
    try {
      await cp(DIST, dir, { recursive: true });
      await withPage(browser, SW, async ({ page, context }) => withOwnServer(context, async ({ base, offline }) => {
        // Whether the page's controller changed, recorded from before any script of the page runs.
        await context.addInitScript(() => {
          window.__controllerChanged = new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok));
        });
        await page.goto(`${base}/app.html`);
        const before = (await installed(page)).caches;
        assert.equal(before.length, 1, `caches: ${before}`);

        // The next release on the server: another version, and a page that says which it is.
        const html = join(dir, 'app.html');
        await writeFile(html, (await readFile(html, 'utf8')).replace('<html lang="sv">', '<html lang="sv" data-release="next">'));
        const next = await stampServiceWorker(dir, version.replace(/^(\d+)\.(\d+)\.(\d+)/, (_, a, b, c) => `${a}.${b}.${Number(c) + 1}`));
        assert.notEqual(next.cache, before[0]);

        await page.reload();
        assert.equal(await page.evaluate(() => document.documentElement.dataset.release ?? null), null, 'this load still came from the old cache');
        await page.evaluate(() => window.__controllerChanged);
        assert.deepEqual((await installed(page)).caches, [next.cache], 'only the new release\'s cache is left');

        await offline();
        await page.reload();
        assert.equal(await page.evaluate(() => document.documentElement.dataset.release), 'next', 'the next start serves the new release');
        const example = examples.byName['same child in Norway'];
        assert.equal(await answer(page, example), example.expect.verdict, 'and answers offline');
      }, dir));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('strict CSP: app.html carries the project\'s policy and registers its worker, loads its manifest and answers with zero violations', { timeout }, async () => {
    const policy = (html) => html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
    const csp = policy(await readFile(join(DIST, 'app.html'), 'utf8'));
    assert.equal(csp, policy(await readFile(join(ROOT, 'www', 'index.html'), 'utf8')), 'the same CSP as the demo page');
    await withPage(browser, SW, async ({ page, context, console: messages }) => {
      await context.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${server.base}/app.html`);
      await installed(page);
      await page.reload();
      const example = examples.byName['adult refractory, Sweden, no transplant'];
      assert.equal(await answer(page, example), example.expect.verdict);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'securitypolicyviolation events');
      const errors = messages.filter((m) => m.type === 'error' || m.type === 'warning');
      assert.deepEqual(errors, [], 'console errors and warnings');
    });
  });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`axe ${AXE_TAGS.join('+')} on app.html at ${viewport.width}×${viewport.height} (empty and answered), the widget full width`, { timeout }, async () => {
      // The page's CSP forbids the injected axe script; bypassCSP lets the test inject it.
      await withPage(browser, { ...SW, viewport, bypassCSP: true }, async ({ page }) => {
        await page.goto(`${server.base}/app.html`);
        const w = await new Widget(page).ready();
        const width = await w.host.evaluate((el) => el.getBoundingClientRect().width);
        assert.ok(width >= viewport.width - 40, `${size}: the widget is ${width} px wide in a ${viewport.width} px viewport`);
        await page.addScriptTag({ path: AXE_PATH });
        const scan = () => page.evaluate(async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } }))
          .violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`), AXE_TAGS);
        assert.deepEqual(await scan(), [], 'empty');
        w.paste = true;
        await walk(w, examples.byName['adult MRD-positive CR1, Norway'].input);
        assert.deepEqual(await scan(), [], 'answered');
      });
    });
  }
});
