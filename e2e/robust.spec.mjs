// Robustness in hostile hosts: a strict Content-Security-Policy, hostile host CSS, bad
// attributes, SPA-style mounting and unmounting, and privacy (no request, cookie or storage).
//
//   node --test e2e/robust.spec.mjs    (--test-name-pattern=<regexp> runs the matching tests only)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, after } from 'node:test';
import {
  serveAndLaunch,
  withPage, openWidget, Widget, validExamples, clickLabelOf,
  VIEWPORTS, settle, ROOT,
} from './lib.mjs';

/** Per test. */
const timeout = 180_000;
const examples = await validExamples();

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
/** The strict CSP with Trusted Types enforced and no policy allowed: no HTML string may reach the DOM. */
const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types 'none'`;
const CHILD_SE = 'child, second relapse after two lines, Sweden, no transplant planned';

describe('robust', () => {
  let server;
  let browser;
  serveAndLaunch((s, b) => {
    server = s;
    browser = b;
  }, { launchOptions: { extraArgs: ['--js-flags=--expose-gc'] } });

  // ----------------------------------------------------------------------------------------------
  // Strict CSP

  it(`strict CSP (${STRICT_CSP}): renders and answers with zero violations`, { timeout }, async () => {
    server.headersFor = (path) => (path === '/__e2e__/pages/csp.html' ? { 'content-security-policy': STRICT_CSP } : {});
    try {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page, console: messages }) => {
        const response = await page.goto(`${server.base}/__e2e__/pages/csp.html`);
        assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'CSP header served');
        const w = await new Widget(page).ready();
        w.paste = true;
        const example = examples.byName['adult refractory, Sweden, bridging'];
        await w.fill(example.input);
        assert.equal(await w.verdict(), example.expect.verdict, 'verdict under the strict CSP');
        // Styles must apply too (a blocked <style> leaves an unstyled but "working" widget).
        const styled = await w.host.evaluate((el) => getComputedStyle(el).display);
        assert.ok(styled !== 'inline', `the host element is display:${styled}: the widget's styles did not apply under the CSP`);
        await settle(page);
        const violations = await page.evaluate(() => window.__cspViolations);
        assert.ok(Array.isArray(violations), 'the violation listener (csp-listener.js) did not run');
        assert.ok(violations.length === 0, `securitypolicyviolation events:\n${violations.map((v) => JSON.stringify(v)).join('\n')}`);
        const errors = messages.filter((m) => m.type === 'error');
        assert.ok(errors.length === 0, `console errors:\n${errors.map((m) => m.text).join('\n')}`);
      });
    } finally {
      server.headersFor = () => ({});
    }
  });

  // ----------------------------------------------------------------------------------------------
  // Hostile host CSS

  /** Visibility, target size and font size of one widget. */
  async function inspect(w) {
    return w.host.evaluate((el) => {
      const root = el.shadowRoot;
      const box = (n) => n.getBoundingClientRect();
      const visible = (n) => !!n && n.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && box(n).width > 0 && box(n).height > 0;
      const answer = [...root.querySelectorAll('[data-verdict]')].at(-1);
      const controls = [...root.querySelectorAll('input[name], select[name]')];
      const shownControls = controls.filter((c) => visible(c) || [...(c.labels ?? [])].some(visible));
      const shortLabels = [];
      for (const c of controls.filter((x) => x.type === 'radio' || x.type === 'checkbox')) {
        for (const l of c.labels ?? []) {
          if (visible(l) && box(l).height < 44 - 0.5) shortLabels.push(`${c.name}=${c.value}: ${box(l).height.toFixed(1)} px`);
        }
      }
      const smallText = new Set();
      for (const n of root.querySelectorAll('*')) {
        if (!visible(n)) continue;
        const field = /^(select|textarea|button)$/.test(n.localName) || (n.localName === 'input' && !/^(radio|checkbox|hidden)$/.test(n.type));
        const hasText = field || [...n.childNodes].some((t) => t.nodeType === 3 && t.textContent.trim());
        if (!hasText) continue;
        const size = parseFloat(getComputedStyle(n).fontSize);
        if (size < 16 - 0.01) smallText.add(`${n.localName}${n.className ? `.${String(n.className).split(' ')[0]}` : ''} ${size}px`);
      }
      return {
        hostBox: [box(el).width, box(el).height],
        answerVisible: visible(answer),
        shownControls: shownControls.length,
        shortLabels,
        smallText: [...smallText].slice(0, 12),
      };
    });
  }

  it('hostile host CSS (all:unset, hidden inputs/labels, 6 px and 40 px inherited fonts, letter-spacing 5px, line-height 0.5)',
    { timeout }, async () => {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        await page.goto(`${server.base}/__e2e__/pages/hostile.html`);
        const problems = [];
        for (const id of ['tiny', 'huge', 'plain']) {
          const w = await new Widget(page, page.locator(`#${id}`)).ready();
          const before = await inspect(w);
          if (!(before.hostBox[0] > 0 && before.hostBox[1] > 0)) problems.push(`${id}: the element has no box (${before.hostBox})`);
          if (!before.answerVisible) problems.push(`${id}: the answer ([data-verdict]) is not visible`);
          if (before.shownControls === 0) problems.push(`${id}: no form control is visible`);
          await w.fill(examples.byName[CHILD_SE].input);
          const verdict = await w.verdict();
          if (verdict !== 'no') problems.push(`${id}: verdict ${verdict} after filling "${CHILD_SE}", expected no`);
          await w.openDisclosures();
          const after = await inspect(w);
          if (!after.answerVisible) problems.push(`${id}: the answer is not visible once answered`);
          if (after.shortLabels.length) problems.push(`${id}: radio/checkbox labels under 44 px tall: ${after.shortLabels.join(', ')}`);
          if (after.smallText.length) problems.push(`${id}: text under 16 px: ${after.smallText.join(', ')}`);
        }
        assert.ok(problems.length === 0, problems.join('\n'));
      });
    });

  // build.rs ships widget.css minified (the `minifier` crate): the browser must read the same
  // rules from both, in order, as it serializes them (a space lost in `calc(a + b)`, say, drops
  // the declaration, and the serializations differ). A value with var() is kept as written until
  // used, so the spaces around its commas, which mean nothing, are left out of the comparison.
  it('the shipped stylesheet is widget.css minified: the browser reads the same rules from both', { timeout }, async () => {
    const source = await readFile(join(ROOT, 'src', 'browser', 'components', 'widget.css'), 'utf8');
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      const r = await w.host.evaluate((el, text) => {
        const rules = (sheet) => [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s*,\s*/g, ','));
        const read = new CSSStyleSheet();
        read.replaceSync(text);
        const shipped = el.shadowRoot.adoptedStyleSheets;
        return { source: rules(read), shipped: shipped.length === 1 ? rules(shipped[0]) : null };
      }, source);
      assert.ok(r.shipped, 'the widget adopts one stylesheet');
      assert.ok(r.source.length > 50, `widget.css read as ${r.source.length} rules`);
      const differ = r.source.map((rule, i) => [rule, r.shipped[i]]).filter(([a, b]) => a !== b);
      assert.deepEqual(differ.slice(0, 5), [], `${differ.length} rule(s) read differently from the shipped stylesheet`);
      assert.equal(r.shipped.length, r.source.length, 'the same number of rules');
    });
  });

  it('host page with html { font-size: 62.5% } (1rem = 10 px): text inside stays ≥ 16 px', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await page.goto(`${server.base}/__e2e__/pages/hostile-rem.html`);
      const w = await new Widget(page).ready();
      await w.fill(examples.byName[CHILD_SE].input);
      assert.equal(await w.verdict(), 'no', 'verdict');
      await w.openDisclosures();
      const r = await inspect(w);
      assert.ok(r.smallText.length === 0, `text under 16 px: ${r.smallText.join(', ')}`);
      assert.ok(r.shortLabels.length === 0, `labels under 44 px: ${r.shortLabels.join(', ')}`);
    });
  });

  // ----------------------------------------------------------------------------------------------
  // Bad attributes

  const warnings = (messages) => messages.filter((m) => m.type === 'warning');

  it('bad attribute lang="xx" → Swedish text, exactly one console warning, no page error', { timeout }, async () => {
    const reference = await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se', htmlLang: '' });
      return w.text();
    });
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page, console: messages }) => {
      const w = await openWidget(page, server, { lang: 'xx', jurisdiction: 'se', htmlLang: '' });
      await settle(page);
      assert.equal(await w.text(), reference, 'widget text with lang="xx" vs lang="sv"');
      const warned = warnings(messages);
      assert.ok(warned.length === 1, `expected exactly one console warning, got ${warned.length}: ${JSON.stringify(warned.map((m) => m.text))}`);
      assert.ok(/lang/.test(warned[0].text), `the warning does not name the attribute lang: "${warned[0].text}"`);
      // A bad value set later warns once more and falls back again.
      await w.setAttribute('lang', 'de');
      await settle(page);
      assert.equal(await w.text(), reference, 'widget text after lang="de"');
      assert.equal(warnings(messages).length, 2, `console warnings after a second bad value: ${JSON.stringify(warnings(messages).map((m) => m.text))}`);
    });
  });

  it('bad attribute jurisdiction="dk" → Sweden selected, exactly one console warning, no page error', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page, console: messages }) => {
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'dk' });
      await settle(page);
      const jur = (await w.fields()).find((f) => f.name === 'jurisdiction');
      assert.ok(jur, 'no control named jurisdiction');
      assert.equal(jur.value, 'se', 'jurisdiction control with jurisdiction="dk"');
      const warned = warnings(messages);
      assert.ok(warned.length === 1, `expected exactly one console warning, got ${warned.length}: ${JSON.stringify(warned.map((m) => m.text))}`);
      assert.ok(/jurisdiction/.test(warned[0].text), `the warning does not name the attribute jurisdiction: "${warned[0].text}"`);
      const { jurisdiction, ...facts } = examples.byName[CHILD_SE].input;
      void jurisdiction;
      await w.fill(facts);
      assert.equal(await w.verdict(), 'no', 'verdict of the Swedish child example with jurisdiction="dk" (Sweden applies)');
    });
  });

  // ----------------------------------------------------------------------------------------------
  // SPA life cycle

  /** Event listeners on window and document, counted through the DevTools protocol. */
  async function globalListeners(page) {
    const cdp = await page.context().newCDPSession(page);
    const count = async (expr) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: 0 });
      return listeners.map((l) => l.type);
    };
    const out = { window: await count('window'), document: await count('document') };
    await cdp.detach();
    return out;
  }

  it('add and remove the element 50 times: no errors, no leftovers, a fresh element still works', { timeout }, async (t) => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await page.goto(server.host({ count: 0 }));
      await page.waitForFunction(() => !!customElements.get('blincyto-checker'), null, { timeout: 20_000 });
      // Mount one first so that one-time set-up (module, stylesheet) is in the baseline.
      const mountOnce = () => page.evaluate(async () => {
        const el = document.createElement('blincyto-checker');
        el.setAttribute('lang', 'sv');
        el.setAttribute('jurisdiction', 'se');
        document.querySelector('main').append(el);
        // The element is defined: appending it mounts the widget; updateComplete is its signal.
        const rendered = await el.updateComplete;
        const ok = rendered === true && !!(el.shadowRoot && el.shadowRoot.querySelector('[data-verdict]'));
        (window.__refs ??= []).push(new WeakRef(el));
        if (el.shadowRoot) window.__refs.push(new WeakRef(el.shadowRoot));
        el.remove();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return ok;
      });
      assert.ok(await mountOnce(), 'the first element did not render');
      await page.evaluate(() => { window.__refs = []; });
      const baseline = await page.evaluate(() => ({
        elements: document.getElementsByTagName('*').length,
        widgets: document.querySelectorAll('blincyto-checker').length,
      }));
      const listenersBefore = await globalListeners(page);
      for (let i = 0; i < 50; i++) assert.ok(await mountOnce(), `element #${i + 2} did not render`);
      const now = await page.evaluate(() => ({
        elements: document.getElementsByTagName('*').length,
        widgets: document.querySelectorAll('blincyto-checker').length,
      }));
      assert.equal(now.widgets, baseline.widgets, 'number of <blincyto-checker> elements after 50 cycles');
      assert.equal(now.elements, baseline.elements, 'number of elements in the document after 50 cycles');
      const listenersAfter = await globalListeners(page);
      assert.ok(listenersAfter.window.length <= listenersBefore.window.length && listenersAfter.document.length <= listenersBefore.document.length,
        `listeners on window/document grew: ${JSON.stringify(listenersBefore)} → ${JSON.stringify(listenersAfter)}`);
      // With --expose-gc the removed elements and their shadow roots must be collectable.
      const alive = await page.evaluate(async () => {
        if (typeof window.gc !== 'function') return null;
        for (let i = 0; i < 3; i++) {
          await new Promise((r) => setTimeout(r, 20));
          window.gc();
        }
        await new Promise((r) => setTimeout(r, 20));
        return window.__refs.filter((r) => r.deref() !== undefined).length;
      });
      t.diagnostic(`after 50 cycles: ${now.elements} elements (baseline ${baseline.elements}), window/document listeners ` +
        `${listenersBefore.window.length}/${listenersBefore.document.length} → ${listenersAfter.window.length}/${listenersAfter.document.length}, ` +
        `${alive === null ? 'GC not exposed' : `${alive} of 100 removed elements/shadow roots alive after GC`}`);
      if (alive !== null) {
        assert.ok(alive <= 4, `${alive} of 100 removed elements/shadow roots are still alive after GC: the unmount leaks them`);
      }
      // A fresh element still works.
      await page.evaluate(() => {
        const el = document.createElement('blincyto-checker');
        el.setAttribute('lang', 'sv');
        el.setAttribute('jurisdiction', 'se');
        document.querySelector('main').append(el);
      });
      const w = await new Widget(page).ready();
      await w.fill(examples.byName[CHILD_SE].input);
      assert.equal(await w.verdict(), 'no', 'verdict of a fresh element after 50 cycles');
    });
  });

  it('moving the element within the page keeps its answers', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      await w.fill(examples.byName[CHILD_SE].input);
      assert.equal(await w.verdict(), 'no', 'verdict before moving');
      await page.evaluate(() => {
        const el = document.querySelector('blincyto-checker');
        const aside = document.createElement('aside');
        document.body.append(aside);
        aside.append(el);
      });
      // A move disconnects and reconnects: the widget must stay, its updateComplete still answer.
      assert.equal(await page.evaluate(() => document.querySelector('blincyto-checker').updateComplete), true, 'updateComplete after moving');
      const moved = new Widget(page);
      await moved.ready();
      assert.equal(await moved.verdict(), 'no', 'verdict after moving the element');
      await moved.set('plannedAlloHsct', true);
      assert.equal(await moved.verdict(), 'yes', 'the moved element still answers');
    });
  });

  // ----------------------------------------------------------------------------------------------
  // Privacy

  it('privacy: no request, cookie or storage after load, whatever is entered', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page, context }) => {
      await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      await page.waitForLoadState('networkidle');
      const requests = [];
      const record = (r) => requests.push(`${r.method()} ${r.url()}`);
      context.on('request', record);
      page.on('websocket', (ws) => requests.push(`websocket ${ws.url()}`));
      const before = server.requests.length;
      let w;
      for (const name of [CHILD_SE, 'adult MRD-positive CR1, Norway', 'adult Ph-positive refractory after two TKIs, no alternatives, Norway',
        'combination therapy is outside every indication']) {
        // A fresh element per patient, as a single-page application would do it (no reload).
        await page.evaluate(() => {
          document.querySelector('blincyto-checker').remove();
          const el = document.createElement('blincyto-checker');
          el.setAttribute('lang', 'sv');
          el.setAttribute('jurisdiction', 'se');
          document.querySelector('main').append(el);
        });
        w = await new Widget(page).ready();
        w.paste = true;
        await w.fill(examples.byName[name].input);
        assert.equal(await w.verdict(), examples.byName[name].expect.verdict, `${name}: verdict`);
        const copy = w.host.locator('button').filter({ hasText: /kopiera|kopier|copy/i });
        if (await copy.count()) await copy.first().click().catch(() => {});
        await settle(page);
      }
      // Everything the input asked of the widget is done: rendered with its event sent
      // (updateComplete), and the live region's deferred announcement made (no data-pending).
      assert.equal(await w.host.evaluate((el) => el.updateComplete), true, 'updateComplete');
      await w.announced();
      context.off('request', record);
      assert.ok(requests.length === 0, `requests after load: ${requests.join(', ')}`);
      assert.equal(server.requests.length, before, 'requests seen by the server after load');
      const cookies = await context.cookies();
      assert.ok(cookies.length === 0, `cookies: ${JSON.stringify(cookies)}`);
      const stored = await page.evaluate(async () => ({
        cookie: document.cookie,
        local: Object.keys(localStorage),
        session: Object.keys(sessionStorage),
        indexedDB: (await indexedDB.databases()).map((d) => d.name),
        caches: 'caches' in window ? await caches.keys() : [],
        serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
      }));
      assert.equal(stored.cookie, '', 'document.cookie');
      assert.ok(stored.local.length === 0, `localStorage keys: ${stored.local}`);
      assert.ok(stored.session.length === 0, `sessionStorage keys: ${stored.session}`);
      assert.ok(stored.indexedDB.length === 0, `IndexedDB databases: ${stored.indexedDB}`);
      assert.ok(stored.caches.length === 0, `Cache Storage: ${stored.caches}`);
      assert.equal(stored.serviceWorkers, 0, 'service worker registrations');
    });
  });

  // ----------------------------------------------------------------------------------------------
  // Trusted Types, and a panic

  /**
   * Serves csp.html under `csp`, opens it and runs `fn({ page, w, messages, errors })`; then
   * checks that no securitypolicyviolation was reported.
   */
  async function underPolicy(csp, fn, { allowErrors = false } = {}) {
    server.headersFor = (path) => (path === '/__e2e__/pages/csp.html' ? { 'content-security-policy': csp } : {});
    try {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page, console: messages, errors }) => {
        const response = await page.goto(`${server.base}/__e2e__/pages/csp.html`);
        assert.equal(response.headers()['content-security-policy'], csp, 'CSP header served');
        assert.equal(await page.evaluate(() => typeof window.trustedTypes), 'object', 'this Chromium has Trusted Types');
        const w = await new Widget(page).ready();
        await fn({ page, w, messages, errors });
        await settle(page);
        const violations = await page.evaluate(() => window.__cspViolations);
        assert.ok(Array.isArray(violations), 'the violation listener (csp-listener.js) did not run');
        assert.ok(violations.length === 0, `securitypolicyviolation events:\n${violations.map((v) => JSON.stringify(v)).join('\n')}`);
      }, { allowErrors });
    } finally {
      server.headersFor = () => ({});
    }
  }

  it(`Trusted Types (${TRUSTED_TYPES_CSP}): renders and answers with zero violations`, { timeout }, async () => {
    await underPolicy(TRUSTED_TYPES_CSP, async ({ w, messages }) => {
      w.paste = true;
      const example = examples.byName['same child in Norway'];
      await w.fill(example.input);
      assert.equal(await w.verdict(), example.expect.verdict, 'verdict under Trusted Types');
      await w.openDisclosures();
      const errors = messages.filter((m) => m.type === 'error');
      assert.ok(errors.length === 0, `console errors:\n${errors.map((m) => m.text).join('\n')}`);
    });
  });

  /**
   * Forces a Rust panic in the release build, as a bug would: once the widget has rendered,
   * `document.createElementNS` throws, and the next answer needs a new SVG element (T-ALL:
   * off-label, whose icon Yew builds with `create_element_ns(..).expect(..)`, which panics; HTML
   * elements it clones from a cache). The panic hook must replace the form with the failure
   * message and the sources' links, built without HTML strings.
   */
  async function forcePanic(page, w) {
    await page.evaluate(() => {
      Document.prototype.createElementNS = function createElementNS() { throw new Error('forced failure (e2e)'); };
    });
    await clickLabelOf(w.host.locator('input[name="diagnosis"][value="t-all"]'));
    await page.waitForFunction((el) => !!el.shadowRoot.querySelector('[role="alert"]'), await w.host.elementHandle(), { timeout: 10_000 })
      .catch(() => assert.fail('no failure message ([role=alert]) after the forced panic'));
    return w.host.evaluate((el) => ({
      form: !!el.shadowRoot.querySelector('form'),
      text: el.shadowRoot.textContent,
      links: [...el.shadowRoot.querySelectorAll('a')].map((a) => a.href),
      styled: getComputedStyle(el.shadowRoot.querySelector('.failure')).borderLeftWidth,
    }));
  }

  for (const [name, csp] of [['the strict CSP', STRICT_CSP], ['Trusted Types', TRUSTED_TYPES_CSP]]) {
    it(`a Rust panic under ${name} leaves no frozen form: the failure message and the sources, zero violations`, { timeout }, async () => {
      await underPolicy(csp, async ({ page, w, messages, errors }) => {
        const r = await forcePanic(page, w);
        assert.equal(r.form, false, 'the form is gone');
        assert.match(r.text, /Verktyget kunde inte fortsätta/);
        for (const site of ['nyemetoder.no', 'vgregion.se', 'samverkanlakemedel.se']) {
          assert.ok(r.links.some((l) => l.includes(site)), `no link to ${site}: ${r.links}`);
        }
        assert.equal(r.styled, '10px', 'the failure message is styled');
        assert.ok(messages.some((m) => m.type === 'error' && /blincyto-checker.*forced failure/s.test(m.text)),
          `the panic is logged: ${messages.map((m) => m.text).join('\n')}`);
        void errors;
      }, { allowErrors: true });
    });
  }
});
