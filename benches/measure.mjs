// The browser measurements of the benches (benches/browser.mjs has the method): what a page
// downloads, one throttled page load, answer changes in a loaded widget, and evaluate()'s
// throughput. Each runs in a fresh browser context and closes it.
import zlib from 'node:zlib';
import { probe } from './probe.mjs';

/** The most any page step may take, in ms. */
const TIMEOUT = 60_000;

async function throttledPage(browser, rate) {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(probe);
  return { context, page, errors, cdp };
}

/** Chromium's cumulative main-thread counters (Performance.getMetrics), in ms where a duration. */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  return {
    script: m.ScriptDuration * 1000, style: m.RecalcStyleDuration * 1000, layout: m.LayoutDuration * 1000,
    task: m.TaskDuration * 1000, nodes: m.Nodes, layoutCount: m.LayoutCount, styleCount: m.RecalcStyleCount,
  };
}

/**
 * Waits until the probe has seen the form painted, without polling from the test side (a polling
 * waitForFunction would add work to the very main thread being measured).
 */
async function painted(page, what, errors) {
  const ok = await page.evaluate(({ timeout }) => new Promise((resolve) => {
    const limit = setTimeout(() => resolve(false), timeout);
    const go = () => (window.__bench ? window.__bench.done.then(() => { clearTimeout(limit); resolve(true); }) : setTimeout(go, 50));
    go();
  }), { timeout: TIMEOUT });
  if (!ok) throw new Error(`${what}: no interactive form within ${TIMEOUT / 1000} s ${errors.join('; ')}`);
}

/** One load at `rate`× CPU slowdown: ms from navigation start to the interactive form (or the plain page's input). */
export async function load(browser, url, rate) {
  const { context, page, errors, cdp } = await throttledPage(browser, rate);
  try {
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT });
    await painted(page, url, errors);
    const main = await metrics(cdp);
    const figures = await page.evaluate(() => {
      const b = window.__bench;
      const resources = performance.getEntriesByType('resource').map((r) => ({
        name: new URL(r.name).pathname, start: r.startTime, responseEnd: r.responseEnd,
      }));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { ...b, fcp: fcp ? fcp.startTime : undefined, resources };
    });
    return { ...figures, main };
  } finally {
    await context.close();
  }
}

/** What loading dist/embed.html (or the page at `path`) downloads, recorded from the network. */
export async function downloads(browser, base, path = '/embed.html') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(probe);
  const responses = [];
  page.on('response', (r) => responses.push(r));
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  try {
    await page.goto(`${base}${path}`, { waitUntil: 'load', timeout: TIMEOUT });
    await painted(page, path === '/embed.html' ? 'dist/embed.html' : path, []);
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT });
    // Let anything loaded lazily after the first render show up too.
    await page.waitForTimeout(500);
    const files = [];
    for (const r of responses) {
      const url = new URL(r.url());
      const body = r.status() === 200 ? await r.body() : Buffer.alloc(0);
      files.push({
        path: url.pathname,
        origin: url.origin === base ? 'self' : url.origin,
        status: r.status(),
        type: (r.headers()['content-type'] ?? '').split(';')[0],
        resourceType: r.request().resourceType(),
        hostPage: r.request().isNavigationRequest(),
        ...compressed(body),
      });
    }
    const total = files.filter((f) => !f.hostPage && f.status === 200)
      .reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    return { files, failed, total };
  } finally {
    await context.close();
  }
}

function compressed(body) {
  const { constants } = zlib;
  return {
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }).length,
  };
}

/**
 * The typical change (informational): a complete patient, one answer that flips a decided
 * verdict — the contract's example child (second relapse, Sweden) with plannedAlloHsct
 * false (`no`) ⇄ true (`yes`, bridging to transplant).
 */
export const TYPICAL = {
  fill: { ageYears: '8', diagnosis: 'b-precursor-all', cd19: 'positive', philadelphia: 'negative',
    diseaseStatus: 'relapsed', relapseNumber: '2', inRemission: 'false', priorTherapyLines: '2',
    priorAlloHsct: 'false', plannedAlloHsct: 'false' },
  pair: ['plannedAlloHsct', 'true', 'false'],
};

/**
 * The update latency at `rate`× CPU slowdown: `count` radio clicks (after 3 warm-up ones) that
 * change the verdict, in one loaded widget (the page at `path`; `scenario` as TYPICAL).
 */
export async function updates(browser, base, { rate, count, path = '/embed.html', scenario = null }) {
  const { context, page, errors, cdp } = await throttledPage(browser, rate);
  try {
    await cdp.send('Performance.enable');
    await page.goto(`${base}${path}`, { waitUntil: 'load', timeout: TIMEOUT });
    await painted(page, path, errors);
    const before = await metrics(cdp);
    const result = await page.evaluate(async ({ count, warmup, scenario }) => {
      const host = document.querySelector('blincyto-checker');
      const root = host.shadowRoot;
      const frame = () => new Promise((ok) => requestAnimationFrame(ok));
      const afterFrame = () => new Promise((ok) => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => ok(performance.now());
        ch.port2.postMessage(0);
      }));
      const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
      const verdictOf = () => {
        const el = root.querySelector('[data-verdict]');
        return el ? `${el.getAttribute('data-verdict')}|${el.textContent}` : null;
      };
      const shortVerdict = () => root.querySelector('[data-verdict]')?.getAttribute('data-verdict') ?? null;
      // Pairs of answers that flip the verdict from the widget's first state; the first whose
      // radios exist is used.
      const PAIRS = scenario ? [scenario.pair] : [
        ['diagnosis', 't-all', 'b-precursor-all'],
        ['diagnosis', 'other', 'b-precursor-all'],
        ['cd19', 'negative', 'positive'],
        ['jurisdiction', 'no', 'se'],
      ];
      const radio = (name, value) => root.querySelector(`input[type=radio][name="${name}"][value="${value}"]`);
      // A scenario first answers its questions as a person would (a click, or typing).
      for (const [name, value] of Object.entries(scenario?.fill ?? {})) {
        const r = radio(name, value);
        if (r) r.click();
        else {
          const input = root.querySelector(`input[name="${name}"]`);
          if (!input) return { error: `no control named ${name}` };
          input.value = value;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        }
        await new Promise((ok) => setTimeout(ok, 50));
      }

      /** Clicks `el` at the start of a frame; resolves with the timings once the new verdict is on screen. */
      const change = (el) => new Promise((done, fail) => {
        requestAnimationFrame(() => {
          const before = verdictOf();
          let changed;
          let nextFrame;
          let rendered;
          const observer = new MutationObserver(() => {
            if (changed === undefined && verdictOf() !== before) {
              changed = performance.now();
              observer.disconnect();
              // The first animation frame after the change, and the end of that frame's rendering.
              requestAnimationFrame(() => {
                nextFrame = performance.now();
                const ch = new MessageChannel();
                ch.port1.onmessage = () => finish(performance.now());
                ch.port2.postMessage(0);
              });
            }
          });
          observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
          const t0 = performance.now();
          el.click();
          const handled = performance.now();
          // A message posted now runs after this frame's rendering: if the change was already
          // made (synchronously or in a microtask), this frame shows it.
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            if (changed !== undefined && rendered === undefined) rendered = performance.now();
          };
          ch.port2.postMessage(0);
          let settled = false;
          const finish = (t) => {
            if (settled) return;
            settled = true;
            done({
              start: t0,
              handled: handled - t0,
              changed: changed - t0,
              // Until the frame showing the change has been rendered.
              onScreen: (rendered ?? t) - t0,
              // Until the next animation frame callback after the change (vsync-quantised).
              nextFrame: nextFrame - t0,
              sameFrame: rendered !== undefined,
              verdict: shortVerdict(),
            });
          };
          setTimeout(() => {
            if (!settled) { settled = true; observer.disconnect(); fail(new Error(`no verdict change after clicking ${el.name}=${el.value}`)); }
          }, 10_000);
        });
      });

      const pair = PAIRS.find(([n, a, b]) => radio(n, a) && radio(n, b));
      if (!pair) return { error: 'no radio pair that flips the verdict was found in the form' };
      const [name, a, b] = pair;
      const samples = [];
      for (let i = 0; i < count + warmup; i++) {
        const value = i % 2 === 0 ? a : b;
        const el = radio(name, value);
        if (!el) return { error: `radio ${name}=${value} disappeared` };
        const s = await change(el);
        s.value = value;
        if (i >= warmup) samples.push(s);
        // Let the page settle (effects, events, idle work) before the next change.
        await frame();
        await sleep(100);
        await afterFrame();
      }
      const elements = root.querySelectorAll('*').length;
      return { control: `${name}: ${a} ⇄ ${b}`, samples, elements };
    }, { count, warmup: 3, scenario });
    if (result.error) throw new Error(`update: ${result.error} ${errors.join('; ')}`);
    const after = await metrics(cdp);
    const n = count + 3;
    // Per change, main thread, throttled ms (includes the settling frames between changes).
    result.perChange = {
      script: (after.script - before.script) / n,
      style: (after.style - before.style) / n,
      layout: (after.layout - before.layout) / n,
      task: (after.task - before.task) / n,
    };
    return result;
  } finally {
    await context.close();
  }
}

/** JS evaluate() calls per second through the shipped module (unthrottled; informational). */
export async function jsThroughput(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${base}/bench/plain.html`, { timeout: TIMEOUT });
    return await page.evaluate(async () => {
      const m = await import('/blincyto-checker.js');
      const inputs = [
        { jurisdiction: 'se', ageYears: 8, diagnosis: 'b-precursor-all', cd19: 'positive', philadelphia: 'negative',
          diseaseStatus: 'relapsed', relapseNumber: 2, inRemission: false, priorTherapyLines: 2, priorAlloHsct: false,
          plannedAlloHsct: false },
        { jurisdiction: 'no', ageYears: 34, diagnosis: 'b-precursor-all', cd19: 'positive', philadelphia: 'negative',
          diseaseStatus: 'newly-diagnosed', inRemission: true, mrdPercent: 0.5, consolidation: false },
        { jurisdiction: 'se', ageYears: 52, diagnosis: 'b-precursor-all' },
        { diagnosis: 't-all' },
        {},
      ];
      let n = 0;
      const start = performance.now();
      while (performance.now() - start < 1000) {
        for (const input of inputs) m.evaluate(input);
        n += inputs.length;
      }
      return n / ((performance.now() - start) / 1000);
    });
  } finally {
    await context.close();
  }
}

