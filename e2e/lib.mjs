// Shared end-to-end tooling: a static server for dist/, the headless Chromium launch and a page
// object for <blincyto-checker>. The specs (e2e/*.spec.mjs) are node:test files; see README.md.
//
// Importing this file has no side effect.
//
// Environment:
//   E2E_DIST         the build to test (default: dist/ of this repository)
//   BLINCYTO_SHARED  the shared contract directory (default: ../shared beside this repository)
//   CHROMIUM         the browser (default: /usr/bin/chromium)
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = resolve(process.env.E2E_DIST ?? join(ROOT, 'dist'));
export const PAGES = join(ROOT, 'e2e', 'pages');
export const RESULTS = join(ROOT, 'test-results');
export const SHARED = resolve(process.env.BLINCYTO_SHARED ?? join(ROOT, '..', 'shared'));
export const AXE_PATH = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const require = createRequire(join(ROOT, 'noop.js'));
export const { chromium } = require('playwright-core');

/** The seven verdicts of the contract. */
export const VERDICTS = ['yes', 'yes-with-conditions', 'pending', 'no-recommendation', 'no', 'off-label', 'incomplete'];
export const LANGS = ['sv', 'nb', 'en'];
/** The contract's input fields, in its (clinical) order. */
export const FIELDS = ['jurisdiction', 'ageYears', 'diagnosis', 'cd19', 'philadelphia', 'diseaseStatus',
  'relapseNumber', 'inRemission', 'mrdPercent', 'consolidation', 'highRiskRelapse', 'priorTherapyLines',
  'priorAlloHsct', 'tkiFailures', 'otherOptionsAvailable', 'plannedAlloHsct', 'monotherapy'];

export const VIEWPORTS = {
  tablet: { width: 768, height: 1024 },
  phone: { width: 360, height: 740 },
};

// ------------------------------------------------------------------------------------------------
// Contract examples

/** Every public example of the shared contract. */
export async function loadExamples() {
  return JSON.parse(await readFile(join(SHARED, 'contract', 'examples.json'), 'utf8'));
}

/** The examples that expect a verdict (not an error), keyed by name too. */
export async function validExamples() {
  const all = (await loadExamples()).filter((c) => c.expect && c.expect.verdict !== undefined);
  return Object.assign(all, { byName: Object.fromEntries(all.map((c) => [c.name, c])) });
}

/** One example per verdict: the a11y scan drives the form to each of them. */
export const EXAMPLE_FOR_VERDICT = {
  'yes': 'adult refractory, Sweden, bridging',
  'yes-with-conditions': 'adult MRD-positive CR1, Norway',
  'pending': 'same child in Norway',
  'no-recommendation': 'adult refractory, Sweden, no transplant',
  'no': 'adult Ph-negative active relapse, Norway',
  'off-label': 'T-cell ALL is never on-label',
  'incomplete': 'child: disease status unknown',
};

// ------------------------------------------------------------------------------------------------
// The dataset file, read independently of the widget (the TOML's one-line strings only)

/** A TOML basic string's content → the string (its escapes are JSON's). */
const unescapeToml = (s) => JSON.parse(`"${s}"`);
const STRING = '"((?:[^"\\\\]|\\\\.)*)"';

/** The `{ sv = "…", nb = "…", en = "…" }` table on the line `key = {…}` of `block`. */
function textTable(block, key) {
  const line = block.match(new RegExp(`^${key} = \\{(.*)\\}$`, 'm'));
  if (!line) return null;
  return Object.fromEntries([...line[1].matchAll(new RegExp(`(sv|nb|en) = ${STRING}`, 'g'))].map(([, k, v]) => [k, unescapeToml(v)]));
}

/**
 * What the widget shows from data/blincyto.toml, read from the file itself:
 * { definitions: [{ id, fields, hint: {sv,nb,en}, text }], notes: [{ id, text }],
 *   quotes: [{ source, id, text }], sources: { id: { lang, url, title } }, sites: [url] }.
 */
export async function readDataset() {
  const toml = await readFile(join(ROOT, 'data', 'blincyto.toml'), 'utf8');
  const blocks = toml.split(/^(?=\[\[)/m);
  const out = { definitions: [], notes: [], quotes: [], sources: {}, sites: [] };
  let source = null;
  for (const b of blocks) {
    const head = b.match(/^\[\[([a-z.]+)\]\]/)?.[1];
    const id = b.match(new RegExp(`^id = ${STRING}`, 'm'))?.[1];
    const str = (key) => { const m = b.match(new RegExp(`^${key} = ${STRING}`, 'm')); return m ? unescapeToml(m[1]) : null; };
    if (head === 'source') {
      source = id;
      out.sources[id] = { lang: str('lang'), url: str('url'), title: str('title'), publisher: str('publisher') };
    } else if (head === 'source.quote') {
      out.quotes.push({ source, id, text: str('text') });
    } else if (head === 'definition') {
      out.definitions.push({ id, fields: JSON.parse(b.match(/^fields = (\[.*\])$/m)[1]), hint: textTable(b, 'hint'), text: textTable(b, 'text') });
    } else if (head === 'note' || head === 'jurisdiction.note') {
      out.notes.push({ id, text: textTable(b, 'text') });
    } else if (head === 'jurisdiction') {
      out.sites.push(str('url'));
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Dates (the currency notice): computed here, independently of the widget's Rust

/** `YYYY-MM-DD` plus `n` calendar months; a day the month lacks becomes its last (01-31 + 1 → 02-28). */
export function addMonths(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `n` days. */
export function addDays(iso, n) {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** The widget's languages' way of writing a dataset date (as the answer shows it). */
export function formatDate(lang, iso) {
  const [y, m, d] = iso.split('-');
  if (lang === 'nb') return `${d}.${m}.${y}`;
  if (lang === 'en') return `${Number(d)} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}`;
  return iso;
}

/** The result's `dataset` (version, asOf, checked, staleAfterMonths), from the built module. */
export async function datasetInfo(browser, server) {
  return withPage(browser, {}, async ({ page }) => {
    await page.goto(server.host({ count: '0' }));
    return page.evaluate(async () => (await import('/blincyto-checker.js')).evaluate({ jurisdiction: 'se' }).dataset);
  });
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

// ------------------------------------------------------------------------------------------------
// Static server

const TYPES = {
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The generated host page, `/__e2e__/host.html?lang=sv&jurisdiction=se&htmlLang=sv&count=1`:
 * a plain, valid page with one (or `count`, or with `count=0` no) element. A parameter given
 * empty (`lang=`) leaves the attribute out.
 */
function hostPage(params) {
  const attr = (name, fallback) => {
    const v = params.has(name) ? params.get(name) : fallback;
    return v ? ` ${name}="${escapeAttr(v)}"` : '';
  };
  const htmlLang = params.has('htmlLang') ? params.get('htmlLang') : (params.get('lang') || 'sv');
  const count = Number(params.get('count') ?? 1);
  const element = `<blincyto-checker${attr('lang', 'sv')}${attr('jurisdiction', 'se')}></blincyto-checker>`;
  return `<!doctype html>
<html${htmlLang ? ` lang="${escapeAttr(htmlLang)}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>blincyto-checker e2e host</title>
<link rel="icon" href="data:,">
<script type="module" src="/blincyto-checker.js"></script>
</head>
<body>
<main>
<h1>Blincyto</h1>
${Array.from({ length: count }, () => element).join('\n')}
</main>
</body>
</html>
`;
}

/**
 * Serves dist/ at `/`, e2e/pages/ at `/__e2e__/pages/` and the generated host page at
 * `/__e2e__/host.html`; `mounts` adds directories (`{ '/__e2e__/frameworks/': dir }`).
 * `headersFor(pathname)` may add response headers (e.g. a CSP); it can be replaced at any time
 * through `server.headersFor`.
 */
export async function startServer({ dist = DIST, headersFor = () => ({}), mounts = {} } = {}) {
  const state = { headersFor, requests: [] };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    state.requests.push(path);
    const extra = state.headersFor(path) ?? {};
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra }).end(body);
    };
    if (path === '/__e2e__/host.html') return send(200, TYPES['.html'], hostPage(url.searchParams));
    let base = dist;
    let rel = path;
    if (path.startsWith('/__e2e__/pages/')) {
      base = PAGES;
      rel = path.slice('/__e2e__/pages/'.length);
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (path.startsWith(prefix)) {
        base = dir;
        rel = path.slice(prefix.length);
      }
    }
    let file = normalize(join(base, rel));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'text/plain', 'forbidden');
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      send(200, TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      // Browsers ask for /favicon.ico on their own; an empty answer keeps consoles free of 404s.
      if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
      send(404, 'text/plain', 'not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    requests: state.requests,
    get headersFor() { return state.headersFor; },
    set headersFor(fn) { state.headersFor = fn; },
    /** URL of the generated host page. */
    host(params = {}) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) q.set(k, v ?? '');
      return `${base}/__e2e__/host.html?${q}`;
    },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

// ------------------------------------------------------------------------------------------------
// Browser

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch({ extraArgs = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
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

/** Whether the build in DIST has the widget (the core exports mountWidget). */
export async function distStatus(dist = DIST) {
  try {
    await access(join(dist, 'blincyto-checker.js'));
  } catch {
    return `no ${join(dist, 'blincyto-checker.js')}: build first (trunk build --release --offline)`;
  }
  try {
    const core = await readFile(join(dist, 'blincyto-checker-core.js'), 'utf8');
    if (!/mountWidget/.test(core)) return 'dist/blincyto-checker-core.js does not export mountWidget: the widget is not built yet';
  } catch {
    return 'no dist/blincyto-checker-core.js';
  }
  return null;
}

/**
 * A spec's fixture: before its tests, checks that dist/ is built (unless `checkDist` is false),
 * starts the static server and the browser and hands both to `ready`; after them, closes both.
 */
export function serveAndLaunch(ready, { launchOptions, checkDist = true } = {}) {
  let server;
  let browser;
  before(async () => {
    if (checkDist) {
      const problem = await distStatus();
      if (problem) throw new Error(problem);
    }
    server = await startServer();
    browser = await launch(launchOptions);
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

// ------------------------------------------------------------------------------------------------
// Page object

/** Lets the widget render: two animation frames after the last change. */
export async function settle(page) {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));
}

/**
 * The widget, located by the contract only: controls by their `name` inside the open shadow
 * root, the answer by `[data-verdict]`. Fills fields as a person would: clicks radio and checkbox
 * labels, picks select options, types into inputs and tabs out.
 */
export class Widget {
  constructor(page, host = page.locator('blincyto-checker').first()) {
    this.page = page;
    this.host = host;
    /**
     * How numbers go into text inputs: false types them key by key (form.spec.mjs and the keyboard
     * test: the path a person takes); true pastes the whole value in one input event, for specs
     * that only need to reach a state (axe, reflow, target size, privacy).
     */
    this.paste = false;
  }

  /** Waits until the element has mounted its shadow root with an answer element. */
  async ready(timeout = 20_000) {
    const handle = await this.host.elementHandle({ timeout });
    await this.page.waitForFunction((el) => !!(el.shadowRoot && el.shadowRoot.querySelector('[data-verdict]')),
      handle, { timeout }).catch(async () => {
      const html = await this.host.evaluate((el) => (el.shadowRoot ? el.shadowRoot.innerHTML.slice(0, 400) : '(no shadow root)'));
      assert.fail(`the widget did not render an element with data-verdict within ${timeout} ms: ${html}`);
    });
    return this;
  }

  /** Control(s) named after a field (pierces the open shadow root). */
  control(name) {
    return this.host.locator(`[name="${name}"]`);
  }

  /**
   * The full answer: the last element carrying `data-verdict` (a compact verdict bar that repeats
   * the verdict comes before it).
   */
  answer() {
    return this.host.locator('[data-verdict]').last();
  }

  async verdict() {
    return this.answer().getAttribute('data-verdict');
  }

  /**
   * Every named control, grouped by name, in document order:
   * [{ name, kind: 'radio'|'checkbox'|'select'|'text', visible, disabled, value, values }]
   * `value` is what is set now (null when nothing is), as the contract spells it.
   */
  async fields() {
    return this.host.evaluate((el) => {
      const root = el.shadowRoot;
      if (!root) return [];
      const shown = (n) => !!n && n.getClientRects().length > 0 &&
        n.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
      const groups = new Map();
      for (const c of root.querySelectorAll('input[name], select[name], textarea[name]')) {
        if (c.type === 'hidden') continue;
        const kind = c.tagName === 'SELECT' ? 'select'
          : c.type === 'radio' ? 'radio' : c.type === 'checkbox' ? 'checkbox' : 'text';
        const visible = shown(c) || [...(c.labels ?? [])].some(shown);
        let g = groups.get(c.name);
        if (!g) {
          g = { name: c.name, kind, visible: false, disabled: true, value: null, values: [] };
          groups.set(c.name, g);
        }
        g.visible ||= visible;
        g.disabled &&= c.matches(':disabled');
        if (kind === 'radio') {
          g.values.push(c.value);
          if (c.checked) g.value = c.value;
        } else if (kind === 'checkbox') {
          g.values.push(c.value);
          g.value = c.checked ? 'true' : 'false';
        } else if (kind === 'select') {
          g.values.push(...[...c.options].map((o) => o.value));
          g.value = c.value === '' ? null : c.value;
        } else {
          g.value = c.value === '' ? null : c.value;
        }
      }
      return [...groups.values()];
    });
  }

  /** The fields whose questions are marked "not known" (they say so under the question). */
  async markedUnknown() {
    return this.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('.not-known-note')]
      .map((n) => n.closest('[id^="q-"]')?.id.slice(2)));
  }

  /** How many times the live region has decided what to say (`data-settled`). */
  async settledCount() {
    return this.host.locator('[aria-live]').evaluate((r) => Number(r.dataset.settled ?? 0));
  }

  /**
   * What the live region says once the input has settled: waits (on the widget's own signal,
   * `data-pending` gone and `data-settled` past `after`) and returns its text.
   */
  async announced(after = -1) {
    return this.host.locator('[aria-live]').evaluate((r, n) => new Promise((ok) => {
      const check = () => (!r.hasAttribute('data-pending') && Number(r.dataset.settled ?? 0) > n
        ? ok(r.textContent) : requestAnimationFrame(check));
      check();
    }), after);
  }

  /** Sets one field as a person would. `value` as in the contract's input (number, boolean, string). */
  async set(name, value) {
    const text = typeof value === 'number' ? String(value) : String(value);
    const first = this.control(name).first();
    const kind = await first.evaluate((c) => (c.tagName === 'SELECT' ? 'select'
      : c.type === 'radio' ? 'radio' : c.type === 'checkbox' ? 'checkbox' : 'text'));
    if (kind === 'radio') {
      const input = this.host.locator(`input[name="${name}"][value="${text}"]`);
      assert.ok(await input.count() === 1, `no radio button ${name}=${text}`);
      await clickLabelOf(input);
    } else if (kind === 'checkbox') {
      const want = text === 'true';
      if (await first.isChecked() !== want) await clickLabelOf(first);
    } else if (kind === 'select') {
      await first.selectOption(text);
    } else {
      await first.click();
      await first.press('ControlOrMeta+a');
      await first.press('Delete');
      if (this.paste) {
        await first.fill(text);
      } else {
        // Key by key at a person's pace: the widget renders between two keys, as it does for a
        // person (keys sent faster than a frame would hide re-render problems some of the time).
        for (const ch of text) {
          await this.page.keyboard.type(ch);
          await settle(this.page);
        }
      }
      // The control may have been re-rendered: read it again by name.
      const held = await this.control(name).first().inputValue();
      if (held !== text) {
        const focus = await this.page.evaluate(() => {
          let a = document.activeElement;
          while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
          return a ? `<${a.localName}>${a.getAttribute('name') ? `[name=${a.getAttribute('name')}]` : ''}` : 'nothing';
        });
        assert.fail(`typed "${text}" into ${name} ${this.paste ? 'in one go' : 'key by key'}, the field holds "${held}" (focus is now on ${focus})`);
      }
      await this.control(name).first().press('Tab');
    }
    await settle(this.page);
  }

  /**
   * Walks a contract input through the form: repeatedly answers the first visible, enabled
   * question (document order) whose value the input gives and that is not answered yet, until
   * none is left. A `jurisdiction` without a control goes to the element's attribute.
   * Returns the names answered (in order) and the given fields never shown.
   */
  async fill(input, { onStep } = {}) {
    const given = Object.keys(input).filter((k) => input[k] !== null && input[k] !== undefined);
    const answered = [];
    const done = new Set();
    const fields0 = await this.fields();
    if ('jurisdiction' in input && !fields0.some((f) => f.name === 'jurisdiction' && f.visible)) {
      await this.host.evaluate((el, j) => el.setAttribute('jurisdiction', j), input.jurisdiction);
      await settle(this.page);
      done.add('jurisdiction');
    }
    for (let step = 0; step < 40; step++) {
      const fields = await this.fields();
      const next = fields.find((f) => f.visible && !f.disabled && given.includes(f.name) && !done.has(f.name));
      if (!next) break;
      done.add(next.name);
      const want = String(input[next.name]);
      if (next.value !== null && (next.value === want || Number(next.value) === Number(want) && next.kind === 'text')) continue;
      await this.set(next.name, input[next.name]);
      answered.push(next.name);
      if (onStep) await onStep(next.name);
    }
    return { answered, neverShown: given.filter((f) => !done.has(f)) };
  }

  /**
   * The answer's headline: an element marked as the headline (`part~=headline` or a class with
   * "headline"), else its first heading that is not visually hidden, else its first line of text.
   */
  async headline() {
    return this.host.evaluate((el) => {
      const answer = [...el.shadowRoot.querySelectorAll('[data-verdict]')].at(-1);
      const seen = (n) => { const r = n.getBoundingClientRect(); return r.width > 2 && r.height > 2 && n.checkVisibility(); };
      const marked = [...answer.querySelectorAll('[part~="headline"], [class*="headline"]')].find(seen);
      const heading = [...answer.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].find(seen);
      const node = marked ?? heading ?? answer;
      const text = node.innerText ?? node.textContent;
      return text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
    });
  }

  /** All visible text of the widget (its shadow root). */
  async text() {
    return this.host.evaluate((el) => {
      const root = el.shadowRoot;
      return [...root.children].map((c) => c.innerText ?? '').join('\n').replace(/\s+/g, ' ').trim();
    });
  }

  /** Opens every folded part (`<details>`) by clicking its summary, as a person would. */
  async openDisclosures() {
    for (let i = 0; i < 20; i++) {
      const closed = this.host.locator('details:not([open]) > summary');
      if (await closed.count() === 0) return;
      await closed.first().click();
      await settle(this.page);
    }
  }

  async setAttribute(name, value) {
    await this.host.evaluate((el, [n, v]) => (v === null ? el.removeAttribute(n) : el.setAttribute(n, v)), [name, value]);
    await settle(this.page);
  }
}

/** The most unanswered questions the form may show at once (src/form/questions.rs AT_ONCE). */
export const AT_ONCE = 2;

/**
 * The next question a person takes on the progressive form: of the visible contract fields not
 * in `done` and not marked not known (`marked`), the first that `input` gives, else the first it
 * does not give (never the switch nor the assumed monotherapy: those already have a value).
 * Returns the field's group from `Widget#fields` with `given`, or null.
 */
export function nextQuestion(fields, input, { done, marked }) {
  const given = (f) => input[f.name] !== undefined && input[f.name] !== null;
  const open = fields.filter((f) => f.visible && !f.disabled && FIELDS.includes(f.name) && !done.has(f.name) && !marked.includes(f.name));
  const next = open.find(given) ?? open.find((f) => f.name !== 'jurisdiction' && f.name !== 'monotherapy');
  return next ? { ...next, given: given(next) } : null;
}

/**
 * Scrolls the page by as little as a person would so that `locator`'s element is in sight:
 * inside the viewport and clear of a verdict bar stuck to its bottom (any `[data-verdict]`
 * element with position sticky or fixed). Returns the distance scrolled.
 */
function sight(locator) {
  return locator.evaluate((n) => {
    const margin = 16;
    const rect = n.getBoundingClientRect();
    let bottom = innerHeight;
    for (const bar of n.getRootNode().querySelectorAll('[data-verdict]')) {
      const pos = getComputedStyle(bar).position;
      const r = bar.getBoundingClientRect();
      if ((pos === 'sticky' || pos === 'fixed') && r.top < innerHeight && r.bottom >= innerHeight - 1) bottom = Math.min(bottom, r.top);
    }
    let delta = 0;
    if (rect.bottom > bottom) delta = rect.bottom - bottom + margin;
    if (rect.top - delta < 0) delta = rect.top - margin;
    const before = scrollY;
    scrollBy(0, delta);
    return Math.abs(scrollY - before);
  });
}

/**
 * Walks a contract input through the progressive form as a person at a tablet does: takes the
 * first open question on screen (document order; a contract field, not the jurisdiction switch,
 * not one already answered or marked not known) that the input gives, else the first one it
 * does not give; scrolls it into sight (measured); answers it, or presses its "not known" button.
 * Stops when no open question is left that can be answered or marked (the assumed monotherapy is
 * left as it is when the input does not give it).
 *
 * `onStep({ name, open })` runs after each step. Returns { answered, unknown, taps, scroll, open }:
 * the fields answered and marked, taps (one per answer or mark, one more when the jurisdiction
 * switch had to be changed), the scroll distance in css px (including the scroll to bring the
 * verdict in sight at the end), and the most open questions seen at any step.
 */
export async function walk(w, input, { onStep } = {}) {
  const answered = new Set();
  const unknown = new Set();
  // The switch is set first (below), then never counted as an open question.
  const done = new Set(['jurisdiction']);
  let taps = 0;
  let scroll = 0;
  let mostOpen = 0;
  const openNow = async () => {
    const [fields, marked] = [await w.fields(), await w.markedUnknown()];
    return fields.filter((f) => f.visible && FIELDS.includes(f.name) && !done.has(f.name) && !marked.includes(f.name));
  };
  if ('jurisdiction' in input) {
    const now = (await w.fields()).find((f) => f.name === 'jurisdiction');
    if (now && now.value !== input.jurisdiction) {
      scroll += await sight(w.host.locator(`input[name="jurisdiction"][value="${input.jurisdiction}"]`).locator('xpath=..'));
      await w.set('jurisdiction', input.jurisdiction);
      taps++;
    }
  }
  for (let step = 0; step < 40; step++) {
    const open = await openNow();
    mostOpen = Math.max(mostOpen, open.length);
    const next = nextQuestion(open, input, { done, marked: [] });
    if (!next) break;
    done.add(next.name);
    if (next.given) {
      const target = next.kind === 'radio'
        ? w.host.locator(`input[name="${next.name}"][value="${String(input[next.name])}"]`).locator('xpath=..')
        : w.control(next.name).first();
      scroll += await sight(target);
      await w.set(next.name, input[next.name]);
      answered.add(next.name);
    } else {
      const button = w.host.locator(`#q-${next.name} button.not-known`);
      if (await button.count() !== 1) break;
      scroll += await sight(button);
      await button.click();
      await settle(w.page);
      unknown.add(next.name);
    }
    taps++;
    if (onStep) await onStep({ name: next.name, open: await openNow() });
  }
  // The verdict in sight: the bar, or the top of the full answer (its first box).
  const distances = await w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[data-verdict]')].map((n) => {
    const r = (n.firstElementChild && n.localName === 'section' ? [...n.children].find((c) => c.getBoundingClientRect().height > 2) : n).getBoundingClientRect();
    const covered = [...el.shadowRoot.querySelectorAll('[data-verdict]')].some((b) => b !== n &&
      ['sticky', 'fixed'].includes(getComputedStyle(b).position) && b.getBoundingClientRect().top < r.bottom && b.getBoundingClientRect().bottom > r.top);
    return r.top >= 0 && r.bottom <= innerHeight && !covered ? 0 : (r.top < 0 ? -r.top : r.bottom - innerHeight + 16);
  }));
  const toVerdict = Math.min(...distances);
  scroll += Math.max(0, toVerdict);
  return { answered: [...answered], unknown: [...unknown], taps, scroll: Math.round(scroll), open: mostOpen };
}

/** Whether an element carrying `data-verdict` (the bar or the answer) is wholly inside the viewport. */
export async function verdictInView(w) {
  return w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[data-verdict]')].some((n) => {
    const r = n.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && n.checkVisibility();
  }));
}

/** Clicks the label of a control (the way a person picks a radio button or checkbox). */
export async function clickLabelOf(input) {
  const label = await input.evaluateHandle((c) => (c.labels && c.labels[0]) || null);
  if (await label.evaluate((l) => l === null)) {
    await input.click();
  } else {
    await label.asElement().click();
  }
}

/** Opens the generated host page and waits for the widget. `paste`: see Widget#paste. */
export async function openWidget(page, server, params = {}, { paste = false } = {}) {
  await page.goto(server.host(params));
  const w = new Widget(page);
  w.paste = paste;
  await w.ready();
  return w;
}

export function normalizeText(s) {
  return String(s ?? '').replace(/\s+/g, ' ').trim();
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
