// The widget in an engine beyond Chromium (./scripts/test.sh stages `firefox` and `webkit`):
//
//   ENGINE=firefox node --test --test-reporter=spec e2e/engines/suite.mjs
//   ENGINE=webkit  node --test --test-reporter=spec e2e/engines/suite.mjs
//
// What runs in each engine, against the built dist/ served by e2e/lib.mjs's server, on
// e2e/pages/engines.html (its probe records page errors, console errors and every event):
// - every public example of ../shared/contract/examples.json through the JS `evaluate()`;
// - three examples through the form, one in each language (a Swedish case in sv, a Norwegian
//   in nb, one in en), driven as e2e/lib.mjs's Widget.fill does: the first visible, enabled,
//   unanswered control the input gives, until none is left (the form may reveal questions one
//   by one); radio labels clicked, numbers typed (decimal comma in sv and nb) and Tab;
// - the `blincyto-assessment` event: bubbles, composed, from the element, its detail exactly
//   what evaluate() returns for the same input;
// - the same styling as in Chromium (constructable stylesheet adopted; :host and theme defaults);
// - without constructable stylesheets (Safari before 16.4): a `<style>` fallback, styled, answering;
// - no page error and no console error anywhere.
//
// Known driver fault (WebKitWebDriver 2.50): an element click on a text input inside a shadow
// root raises ElementClickInterceptedError, so clicks go through the Actions API (a pointer
// click at the element's centre) and text is typed with sendKeys without a click.
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import { serveDist, validExamples, loadExamples } from '../lib.mjs';
import { start, versions, webdriver } from './drivers.mjs';

const ENGINE = process.env.ENGINE ?? 'firefox';
const { Key } = webdriver;
const PAGE = '/__e2e__/pages/engines.html';

/** One example per language: a Swedish case, a Norwegian one, and one in English. */
const FORM_CASES = [
  { lang: 'sv', name: 'same child, bridging to allogeneic transplant in Sweden' },
  { lang: 'nb', name: 'adult MRD-positive CR1, Norway' },
  { lang: 'en', name: 'adult Ph-negative active relapse, Norway' },
];

/** run-examples.mjs's judgement of one case. */
function judge(expect, got) {
  if (expect.error !== undefined) {
    if (!got.error) return `expected an error naming ${expect.error}`;
    return got.error.includes(expect.error) ? null : `error "${got.error}" does not name ${expect.error}`;
  }
  if (got.error) return `unexpected error ${got.error}`;
  const r = got.result;
  if (expect.verdict !== undefined && r.verdict !== expect.verdict) return `verdict ${r.verdict}, expected ${expect.verdict}`;
  if (expect.indications !== undefined) {
    const have = [...(r.label?.indications ?? [])].sort().join(',');
    if (have !== [...expect.indications].sort().join(',')) return `indications [${have}], expected [${expect.indications}]`;
  }
  for (const f of expect.missingIncludes ?? []) {
    if (!(r.missing ?? []).includes(f)) return `missing lacks ${f}`;
  }
  if (r.verdict !== 'incomplete' && (r.missing ?? []).length) return 'missing must be empty unless incomplete';
  return null;
}

describe(`blincyto-checker in ${ENGINE}`, () => {
  let server;
  let session;
  let driver;

  serveDist((s) => { server = s; });
  before(async () => {
    console.log(`engine: ${versions(ENGINE)}`);
    session = await start(ENGINE);
    driver = session.driver;
    const caps = await driver.getCapabilities();
    console.log(`engine: session ${caps.get('browserName')} ${caps.get('browserVersion')}`);
    await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
  });
  after(async () => {
    await session?.quit();
  });

  const run = (script, ...args) => driver.executeScript(script, ...args);
  /** Two animation frames: the widget has rendered what the last action changed. */
  const settle = () => driver.executeAsyncScript(
    'const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');

  async function open(params = {}) {
    const q = new URLSearchParams(params);
    await driver.get(`${server.base}${PAGE}?${q}`);
    await driver.wait(() => run(`const el = document.querySelector('blincyto-checker');
      return !!(window.__checker && el.shadowRoot && el.shadowRoot.querySelector('[data-verdict]'));`), 30_000,
    'the widget did not render [data-verdict] within 30 s');
    await settle();
  }

  async function noErrors() {
    const { errors, consoleErrors } = await run('return { errors: window.__errors, consoleErrors: window.__consoleErrors };');
    assert.deepEqual(errors, [], `page errors in ${ENGINE}`);
    assert.deepEqual(consoleErrors, [], `console errors in ${ENGINE}`);
  }

  /** Every named control, grouped by name, in document order (as Widget#fields). */
  const fields = () => run(`
    const root = document.querySelector('blincyto-checker').shadowRoot;
    const shown = (n) => !!n && n.getClientRects().length > 0 && !n.closest('[hidden]') &&
      getComputedStyle(n).visibility !== 'hidden';
    const groups = new Map();
    for (const c of root.querySelectorAll('input[name], select[name], textarea[name]')) {
      if (c.type === 'hidden') continue;
      const kind = c.tagName === 'SELECT' ? 'select' : c.type === 'radio' ? 'radio' : c.type === 'checkbox' ? 'checkbox' : 'text';
      const visible = shown(c) || [...(c.labels || [])].some(shown);
      let g = groups.get(c.name);
      if (!g) { g = { name: c.name, kind, visible: false, disabled: true, value: null }; groups.set(c.name, g); }
      g.visible = g.visible || visible;
      g.disabled = g.disabled && c.matches(':disabled');
      if (kind === 'radio') { if (c.checked) g.value = c.value; }
      else if (kind === 'checkbox') g.value = c.checked ? 'true' : 'false';
      else g.value = c.value === '' ? null : c.value;
    }
    return [...groups.values()];`);

  /** A pointer click at the element's centre, after scrolling it into view. */
  async function pointerClick(el) {
    await run('arguments[0].scrollIntoView({ block: "center" });', el);
    await driver.actions({ async: true }).move({ origin: el }).click().perform();
  }

  /** Sets one field as a person would. */
  async function set(name, value, lang) {
    const text = String(value);
    const target = await run(`
      const root = document.querySelector('blincyto-checker').shadowRoot;
      const c = [...root.querySelectorAll('[name="' + arguments[0] + '"]')];
      const radio = c.find((x) => x.type === 'radio' && x.value === arguments[1]);
      if (radio) return { kind: 'radio', el: (radio.labels && radio.labels[0]) || radio, checked: radio.checked };
      if (c[0].type === 'checkbox') return { kind: 'checkbox', el: (c[0].labels && c[0].labels[0]) || c[0], checked: c[0].checked };
      return { kind: c[0].tagName === 'SELECT' ? 'select' : 'text', el: c[0] };`, name, text);
    if (target.kind === 'radio') {
      await pointerClick(target.el);
    } else if (target.kind === 'checkbox') {
      if (target.checked !== (text === 'true')) await pointerClick(target.el);
    } else if (target.kind === 'select') {
      const option = await run('return [...arguments[0].options].find((o) => o.value === arguments[1]);', target.el, text);
      assert.ok(option, `no option ${name}=${text}`);
      await pointerClick(target.el);
      await option.click();
    } else {
      // Typed as a person writes the number in the widget's language.
      const typed = typeof value === 'number' && lang !== 'en' ? text.replace('.', ',') : text;
      await run('arguments[0].scrollIntoView({ block: "center" });', target.el);
      await target.el.sendKeys(typed);
      await settle();
      const held = await run(`return document.querySelector('blincyto-checker').shadowRoot
        .querySelector('[name="' + arguments[0] + '"]').value;`, name);
      assert.equal(held, typed, `typed "${typed}" into ${name}`);
      const again = await run(`return document.querySelector('blincyto-checker').shadowRoot
        .querySelector('[name="' + arguments[0] + '"]');`, name);
      await again.sendKeys(Key.TAB);
    }
    await settle();
  }

  /** Widget.fill's loop: answers the first visible, enabled, unanswered control the input gives. */
  async function fill(input, lang) {
    const given = Object.keys(input).filter((k) => input[k] !== null && input[k] !== undefined);
    const done = new Set();
    const answered = [];
    for (let step = 0; step < 40; step++) {
      const next = (await fields()).find((f) => f.visible && !f.disabled && given.includes(f.name) && !done.has(f.name));
      if (!next) break;
      done.add(next.name);
      const want = String(input[next.name]);
      if (next.value !== null && (next.value === want || (next.kind === 'text' && Number(next.value.replace(',', '.')) === Number(want)))) continue;
      await set(next.name, input[next.name], lang);
      answered.push(next.name);
    }
    return answered;
  }

  const verdicts = () => run(`return [...document.querySelector('blincyto-checker').shadowRoot
    .querySelectorAll('[data-verdict]')].map((e) => e.getAttribute('data-verdict'));`);

  /** What the styles did: computed values from widget.css, and how they were applied. */
  const styling = () => run(`
    const host = document.querySelector('blincyto-checker');
    const root = host.shadowRoot;
    const inner = root.querySelector('.blincyto') || root.firstElementChild;
    const cs = getComputedStyle(inner);
    return {
      hostDisplay: getComputedStyle(host).display,
      action: getComputedStyle(host).getPropertyValue('--blincyto-action').trim(),
      fontSize: cs.fontSize, color: cs.color, lineHeight: cs.lineHeight,
      adopted: root.adoptedStyleSheets ? root.adoptedStyleSheets.length : null,
      styleElements: root.querySelectorAll('style').length,
      height: host.getBoundingClientRect().height,
    };`);

  const expectedStyle = { hostDisplay: 'block', action: '#005b89', fontSize: '18px', color: 'rgb(18, 18, 18)', lineHeight: '27px' };

  it('answers every public example through evaluate()', { timeout: 120_000 }, async () => {
    await open();
    const cases = await loadExamples();
    // JSON text both ways, evaluated in the page's realm (e2e/pages/engines-module.js).
    const results = JSON.parse(await run('return window.__evaluateAll(arguments[0]);', JSON.stringify(cases.map((c) => c.input))));
    const failures = cases.map((c, i) => [c.name, judge(c.expect ?? {}, results[i])]).filter(([, why]) => why);
    assert.deepEqual(failures, [], `${failures.length} of ${cases.length} examples failed`);
    console.log(`${ENGINE}: ${cases.length} examples through evaluate(): ${cases.length} passed, 0 failed`);
    await noErrors();
  });

  for (const { lang, name } of FORM_CASES) {
    it(`walks "${name}" through the form in ${lang}, and fires the event`, { timeout: 180_000 }, async () => {
      const example = (await validExamples()).byName[name];
      assert.ok(example, `no example "${name}"`);
      await open({ lang, jurisdiction: example.input.jurisdiction });
      const answered = await fill(example.input, lang);
      assert.ok(answered.length >= 3, `answered only ${answered.join(', ')}`);
      const shown = await verdicts();
      assert.ok(shown.length >= 1 && shown.every((v) => v === example.expect.verdict),
        `data-verdict ${shown.join(', ')}, expected ${example.expect.verdict} (answered ${answered.join(', ')})`);
      // The event: one per new result, from the element, bubbling and composed; the last one's
      // detail is exactly what evaluate() returns for the input the form read.
      const event = await run(`const e = window.__events[window.__events.length - 1];
        return { count: window.__events.length, verdict: e.verdict, bubbles: e.bubbles, composed: e.composed,
          target: e.target, detail: JSON.stringify(e.detail),
          again: JSON.stringify(window.__checker.evaluate(e.detail.input)) };`);
      assert.ok(event.count >= answered.length, `${event.count} events for ${answered.length} answers`);
      assert.deepEqual([event.verdict, event.bubbles, event.composed, event.target],
        [example.expect.verdict, true, true, 'blincyto-checker']);
      assert.equal(event.detail, event.again, 'the event detail is what evaluate() returns');
      const indications = JSON.parse(event.detail).label.indications;
      assert.deepEqual([...indications].sort(), [...(example.expect.indications ?? indications)].sort());
      await noErrors();
    });
  }

  it('is styled as in Chromium: the adopted stylesheet, its defaults', { timeout: 60_000 }, async () => {
    await open();
    const s = await styling();
    assert.deepEqual({ ...s, adopted: undefined, styleElements: undefined, height: undefined },
      { ...expectedStyle, adopted: undefined, styleElements: undefined, height: undefined });
    // The shared stylesheet, adopted; no <style>.
    assert.deepEqual([s.adopted, s.styleElements], [1, 0], 'one adopted stylesheet, no <style>');
    await noErrors();
  });

  // Trusted Types, where the engine enforces them: the widget and its failure message (after a
  // forced panic: document.createElementNS throws once the widget has rendered, so the SVG icon
  // of the next verdict panics in Yew) are built without HTML strings, with no violation.
  const TRUSTED_TYPES_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; "
    + "base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
  it('under Trusted Types (where enforced): renders, answers and shows its failure message, no violation', { timeout: 180_000 }, async (t) => {
    server.headersFor = (path) => (path === '/__e2e__/pages/csp.html' ? { 'content-security-policy': TRUSTED_TYPES_CSP } : {});
    try {
      const walkTo = async () => {
        await driver.get(`${server.base}/__e2e__/pages/csp.html`);
        await driver.wait(() => run(`const el = document.querySelector('blincyto-checker');
          return !!(el && el.shadowRoot && el.shadowRoot.querySelector('[data-verdict]'));`), 30_000, 'the widget did not render under Trusted Types');
        await settle();
      };
      await walkTo();
      // An engine with the Trusted Types API enforces the header's require-trusted-types-for.
      if (!await run(`return typeof trustedTypes === 'object' && typeof trustedTypes.createPolicy === 'function';`)) {
        t.skip(`${ENGINE} has no Trusted Types`);
        return;
      }
      assert.ok(Array.isArray(await run('return window.__cspViolations;')), 'the violation listener (csp-listener.js) did not run');
      const example = (await validExamples()).byName['same child in Norway'];
      await fill(example.input, 'sv');
      assert.deepEqual([...new Set(await verdicts())], [example.expect.verdict]);
      assert.deepEqual(await run('return window.__cspViolations;'), [], 'violations while answering');
      await walkTo();
      await run(`Document.prototype.createElementNS = function () { throw new Error('forced failure (e2e)'); };`);
      const label = await run(`const c = document.querySelector('blincyto-checker').shadowRoot
        .querySelector('input[name="diagnosis"][value="t-all"]'); return c.labels[0];`);
      await pointerClick(label);
      await driver.wait(() => run(`return !!document.querySelector('blincyto-checker').shadowRoot.querySelector('[role="alert"]');`),
        10_000, 'no failure message ([role=alert]) after the forced panic');
      const r = await run(`const root = document.querySelector('blincyto-checker').shadowRoot;
        return { form: !!root.querySelector('form'), links: [...root.querySelectorAll('a')].map((a) => a.href),
          violations: window.__cspViolations };`);
      assert.equal(r.form, false, 'the form is gone');
      assert.ok(r.links.some((l) => l.includes('nyemetoder.no')), `links: ${r.links}`);
      assert.deepEqual(r.violations, [], 'violations after the panic');
    } finally {
      server.headersFor = () => ({});
    }
  });

  for (const nosheet of ['all', 'constructor']) {
    it(`without constructable stylesheets (${nosheet}): a styled <style> fallback that answers`, { timeout: 120_000 }, async () => {
      await open({ nosheet, lang: 'en' });
      assert.equal(await run('return window.__nosheet;'), true, 'the probe removed constructable stylesheets');
      const s = await styling();
      assert.equal(s.styleElements, 1, 'one <style> in the shadow root');
      assert.ok(s.height > 200, `the widget is ${s.height} px tall: a blank box?`);
      for (const [k, v] of Object.entries(expectedStyle)) assert.equal(s[k], v, k);
      const example = (await validExamples()).byName['T-cell ALL is never on-label'];
      await fill(example.input, 'en');
      assert.deepEqual([...new Set(await verdicts())], [example.expect.verdict]);
      await noErrors();
    });
  }
});
