// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) in every state of the form, in sv, nb and
// en, at 768×1024 and 360×740; keyboard-only completion with a visible focus indicator; the answer
// in a polite live region; errors tied to their field; reflow at 320 px and 200 % zoom; 44×44 px
// touch targets; prefers-reduced-motion.
//
//   node --test e2e/a11y.spec.mjs      (--test-name-pattern=<regexp> runs the matching tests only)
import assert from 'node:assert/strict';
import { describe, it, after } from 'node:test';
import {
  serveAndLaunch,
  withPage, openWidget, Widget, validExamples,
  LANGS, VIEWPORTS, VERDICTS, EXAMPLE_FOR_VERDICT, AXE_PATH, settle, normalizeText, datasetInfo, withPageOn, addMonths,
} from './lib.mjs';

/** Per test. */
const timeout = 300_000;
const examples = await validExamples();
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Something worth knowing that fails nothing: reported once, under the first test that finds it. */
const noted = new Set();
function note(t, message) {
  if (noted.has(message)) return;
  noted.add(message);
  t.diagnostic(`note: ${message}`);
}

/** Runs axe on the whole document (open shadow roots included); returns readable violations. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const shape = (list) => list.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, tags: v.tags.filter((t) => /^wcag\d/.test(t)),
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), html: n.html.slice(0, 160), summary: n.failureSummary })),
    }));
    return { violations: shape(r.violations), incomplete: shape(r.incomplete) };
  }, AXE_TAGS);
  return result;
}

function describeViolations(violations) {
  return violations.map((v) => `${v.id} [${v.impact}; ${v.tags.join(' ')}] ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `    at ${n.target}: ${n.html}\n      ${String(n.summary).replace(/\n/g, ' ')}`).join('\n') +
    (v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '')).join('\n');
}

/** The states the scan visits: [label, input to fill]. */
const STATES = [
  ['empty', null],
  ['part-filled', { ageYears: 8, diagnosis: 'b-precursor-all' }],
  ['error (age 200)', { ageYears: 200 }],
  ...VERDICTS.map((v) => [`verdict ${v}`, examples.byName[EXAMPLE_FOR_VERDICT[v]].input, v]),
  ['verdict no-recommendation, every <details> opened', examples.byName[EXAMPLE_FOR_VERDICT['no-recommendation']].input, 'no-recommendation', 'open'],
];

describe('a11y', () => {
  let server;
  let browser;
  serveAndLaunch((s, b) => {
    server = s;
    browser = b;
  });

  for (const lang of LANGS) {
    for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
      it(`axe ${AXE_TAGS.join('+')}: ${lang} at ${viewport.width}×${viewport.height}, every state`, { timeout }, async (t) => {
        await withPage(browser, { viewport }, async ({ page }) => {
          const failures = [];
          for (const [label, input, expected, open] of STATES) {
            const w = await openWidget(page, server, { lang, jurisdiction: 'se' }, { paste: true });
            if (input) await w.fill(input);
            if (open) await w.openDisclosures();
            const verdict = await w.verdict();
            if (expected && verdict !== expected) failures.push(`state "${label}": data-verdict ${verdict}, expected ${expected} (scanned anyway)`);
            const { violations, incomplete } = await axe(page);
            if (violations.length) failures.push(`state "${label}":\n${describeViolations(violations)}`);
            for (const v of incomplete.filter((x) => x.id === 'color-contrast')) {
              note(t, `${lang} ${vpName} "${label}": color-contrast could not be decided for ${v.nodes.length} node(s), e.g. ${v.nodes[0].target}`);
            }
          }
          assert.ok(failures.length === 0, failures.join('\n'));
        });
      });
    }
  }

  it('axe: the currency notice shown (device clock two years after checked), sv/nb/en at 768×1024 and 360×740', { timeout }, async () => {
    const info = await datasetInfo(browser, server);
    const day = addMonths(info.checked, 24);
    const failures = [];
    for (const lang of LANGS) {
      for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
        await withPageOn(browser, day, { viewport }, async ({ page }) => {
          // The notice with an empty form and with an answer that has notes and quotations.
          for (const [label, input] of [['empty', null], ['answered', examples.byName['adult MRD-positive CR1, Norway'].input]]) {
            const w = await openWidget(page, server, { lang, jurisdiction: 'se' }, { paste: true });
            if (input) await w.fill(input);
            const shown = await w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[data-stale]')].filter((n) => n.checkVisibility()).length);
            if (shown !== 1) failures.push(`${lang} ${vpName} ${label}: ${shown} visible [data-stale] on ${day}, expected 1`);
            const { violations } = await axe(page);
            if (violations.length) failures.push(`${lang} ${vpName} ${label}, device date ${day}:\n${describeViolations(violations)}`);
          }
        });
      }
    }
    assert.ok(failures.length === 0, failures.join('\n'));
  });

  it('axe: the demo page dist/index.html (sv, 768×1024, empty and answered)', { timeout }, async () => {
    // The demo's CSP forbids the injected axe script; bypassCSP lets the test inject it.
    await withPage(browser, { viewport: VIEWPORTS.tablet, bypassCSP: true }, async ({ page }) => {
      await page.goto(`${server.base}/index.html`);
      const w = await new Widget(page).ready();
      w.paste = true;
      const failures = [];
      let r = await axe(page);
      if (r.violations.length) failures.push(`empty:\n${describeViolations(r.violations)}`);
      await w.fill(examples.byName['adult refractory, Sweden, bridging'].input);
      r = await axe(page);
      if (r.violations.length) failures.push(`answered:\n${describeViolations(r.violations)}`);
      assert.ok(failures.length === 0, failures.join('\n'));
    });
  });

  // ----------------------------------------------------------------------------------------------
  // Keyboard

  /** The focused element, through shadow roots, with its focus styling. */
  async function focusInfo(page) {
    return page.evaluate(() => {
      let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      if (!a || a === document.body) return { inWidget: false, tag: a ? a.localName : null };
      const root = a.getRootNode();
      const inWidget = root instanceof ShadowRoot && root.host.localName === 'blincyto-checker';
      const styled = (n) => {
        if (!n) return null;
        const cs = getComputedStyle(n);
        const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 ? `outline ${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}` : null;
        const shadow = cs.boxShadow && cs.boxShadow !== 'none' ? `box-shadow ${cs.boxShadow}` : null;
        return outline || shadow;
      };
      const candidates = [a, ...(a.labels ? [...a.labels] : []), a.closest('label'), a.parentElement];
      const indicator = candidates.map(styled).find(Boolean) ?? null;
      return {
        inWidget, tag: a.localName, type: a.type ?? null, name: a.getAttribute('name'), value: a.value ?? null,
        checked: a.checked ?? null, text: (a.innerText ?? '').trim().slice(0, 40),
        focusVisible: a.matches(':focus-visible'), indicator,
      };
    });
  }

  it('keyboard only: Tab/Shift+Tab/arrows/Space/Enter through a whole example, focus always visible', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      const example = examples.byName['adult MRD-positive CR1, Norway'];
      const input = example.input;
      const noIndicator = new Set();
      const log = [];
      const check = async () => {
        const f = await focusInfo(page);
        if (f.inWidget && !f.indicator) noIndicator.add(`${f.tag}[name=${f.name}]${f.type ? `[type=${f.type}]` : ''}${f.text ? ` "${f.text}"` : ''}`);
        return f;
      };
      const press = async (key) => {
        await page.keyboard.press(key);
        await settle(page);
        log.push(key);
        return check();
      };
      /** Moves focus to the control named `name`: forwards with Tab, else backwards with Shift+Tab. */
      const focusField = async (name) => {
        let f = await check();
        for (const key of ['Tab', 'Shift+Tab']) {
          for (let i = 0; i < 60 && f.name !== name; i++) f = await press(key);
          if (f.name === name) return f;
        }
        throw new Error(`Tab/Shift+Tab never reached the control named ${name} (keys: ${log.slice(-10).join(' ')})`);
      };
      const lostFocus = [];
      const current = async (name) => (await w.fields()).find((f) => f.name === name)?.value ?? null;
      /** Focus must stay on the control just operated; records it when it does not. */
      const kept = async (f, name, key) => {
        if (f.name !== name) lostFocus.push(`${key} on ${name} → focus went to <${f.tag ?? 'nothing'}>${f.name ? `[name=${f.name}]` : ''}`);
        return f.name === name;
      };
      const done = new Set();
      for (let step = 0; step < 40; step++) {
        const fields = await w.fields();
        const next = fields.find((f) => f.visible && !f.disabled && f.name in input && !done.has(f.name));
        if (!next) break;
        done.add(next.name);
        const want = String(input[next.name]);
        if (next.value === want) continue;
        for (let attempt = 0; attempt < 3 && (await current(next.name)) !== want; attempt++) {
          let f = await focusField(next.name);
          if (next.kind === 'radio') {
            for (let i = 0; i <= next.values.length && (await current(next.name)) !== want; i++) {
              if (f.name !== next.name) f = await focusField(next.name);
              const key = f.value === want && !f.checked ? 'Space' : 'ArrowDown';
              f = await press(key);
              await kept(f, next.name, key);
            }
          } else if (next.kind === 'checkbox') {
            f = await press('Space');
            await kept(f, next.name, 'Space');
          } else if (next.kind === 'select') {
            for (const key of ['ArrowDown', 'ArrowUp']) {
              for (let i = 0; i <= next.values.length && (await current(next.name)) !== want; i++) {
                if (f.name !== next.name) f = await focusField(next.name);
                f = await press(key);
                await kept(f, next.name, key);
              }
            }
          } else {
            await page.keyboard.press('ControlOrMeta+a');
            for (const ch of want) {
              await page.keyboard.type(ch);
              await settle(page);
              if (!(await kept(await check(), next.name, `typing "${ch}" of "${want}"`))) break;
            }
            if ((await current(next.name)) === want) await press('Tab');
          }
        }
        assert.equal(await current(next.name), want, `value of ${next.name} after keyboard entry`);
      }
      // Commit the last typed value, then check the answer.
      await settle(page);
      assert.equal(await w.verdict(), example.expect.verdict, `verdict after keyboard-only entry (keys: ${log.length})`);
      // Enter on the copy button (when there is one) must work from the keyboard too.
      const copy = w.host.locator('button').filter({ hasText: /kopiera|kopier|copy/i });
      if (await copy.count()) {
        let f = await check();
        for (let i = 0; i < 60 && !(f.tag === 'button' && /kopiera|kopier|copy/i.test(f.text)); i++) f = await press('Tab');
        assert.ok(f.tag === 'button', 'Tab never reached the copy button');
        await press('Enter');
        const clip = await page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
        assert.ok(clip.length > 0 || await w.host.evaluate((el) => !!el.shadowRoot.querySelector('textarea')),
          'Enter on the copy button copied nothing');
      }
      assert.equal(page.url(), server.host({ lang: 'sv', jurisdiction: 'se' }), 'the page did not navigate (no form submission)');
      assert.ok(lostFocus.length === 0,
        `focus left the control being operated (WCAG 2.4.3 Focus Order, 3.2.2 On Input; a keyboard or screen-reader user is thrown to the start of the page):\n${lostFocus.join('\n')}`);
      assert.ok(noIndicator.size === 0,
        `focused controls without a visible focus indicator (WCAG 2.4.7; computed outline and box-shadow are none on the control, its label and parent):\n${[...noIndicator].join('\n')}`);
    });
  });

  // ----------------------------------------------------------------------------------------------
  // Live region, errors

  it('the answer is announced through a polite live region', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      for (const name of ['adult refractory, Sweden, bridging', 'adult refractory, Sweden, no transplant']) {
        const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' }, { paste: true });
        // A region must exist before its text changes, or screen readers do not announce it.
        const initial = await w.host.evaluate((el) => {
          const regions = [...el.shadowRoot.querySelectorAll('[aria-live="polite"], [role="status"]')];
          regions.forEach((r) => { r.__e2eLive = true; });
          return regions.length;
        });
        assert.ok(initial > 0, 'no element with aria-live="polite" (or role="status") in the widget when it loads');
        await w.fill(examples.byName[name].input);
        const headline = normalizeText(await w.headline());
        const live = await w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[aria-live="polite"], [role="status"]')]
          .map((r) => ({ text: r.textContent.replace(/\s+/g, ' ').trim(), present: !!r.__e2eLive, live: r.getAttribute('aria-live') })));
        assert.ok(headline, `${name}: empty headline`);
        assert.ok(live.some((r) => r.present && r.live === 'polite' && r.text.includes(headline)),
          `${name}: no aria-live="polite" region present since load holds the headline "${headline}"; regions: ${JSON.stringify(live)}`);
      }
    });
  });

  it('errors are tied to their field: age 200 → aria-invalid + aria-describedby with the message', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      // Pasted in one go: typing "200" key by key is form.spec.mjs's and the keyboard test's business.
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' }, { paste: true });
      await w.set('ageYears', 200);
      const age = w.control('ageYears').first();
      assert.equal(await age.getAttribute('aria-invalid'), 'true', 'aria-invalid on ageYears after typing 200');
      const described = await age.evaluate((el) => {
        const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        const root = el.getRootNode();
        return ids.map((id) => {
          const d = root.getElementById(id);
          return { id, exists: !!d, text: d ? d.textContent.replace(/\s+/g, ' ').trim() : '', visible: !!d && d.checkVisibility() };
        });
      });
      assert.ok(described.length > 0, 'ageYears has no aria-describedby');
      assert.ok(described.every((d) => d.exists), `aria-describedby points at missing ids: ${JSON.stringify(described)}`);
      assert.ok(described.some((d) => d.text && d.visible), `no visible error text referenced by aria-describedby: ${JSON.stringify(described)}`);
      assert.ok(VERDICTS.includes(await w.verdict()), 'data-verdict is not a verdict while an error shows');
      await w.set('ageYears', 20);
      const after = await age.getAttribute('aria-invalid');
      assert.ok(after === null || after === 'false', `aria-invalid stays ${after} after correcting the age to 20`);
    });
  });

  it('language of parts: source titles and quotes in another language carry their lang (WCAG 3.1.2)', { timeout }, async () => {
    const problems = [];
    for (const [lang, jurisdiction, name] of [['sv', 'no', 'adult MRD-positive CR1, Norway'], ['en', 'se', 'adult refractory, Sweden, bridging'],
      ['nb', 'se', 'same child, bridging to allogeneic transplant in Sweden']]) {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        await page.addInitScript(() => {
          document.addEventListener('blincyto-assessment', (e) => { window.__last = JSON.parse(JSON.stringify(e.detail)); });
        });
        const w = await openWidget(page, server, { lang, jurisdiction }, { paste: true });
        await w.fill(examples.byName[name].input);
        const found = await w.host.evaluate((el, uiLang) => {
          const r = window.__last;
          const texts = [
            ...(r.sources ?? []).map((src) => ({ what: `source title "${src.title}"`, text: src.title, lang: src.lang })),
            ...(r.decision ?? []).map((d) => ({ what: `quote "${String(d.quote).slice(0, 50)}…"`, text: d.quote, lang: d.source && d.source.lang })),
          ].filter((t) => t.text && t.lang && t.lang !== uiLang);
          const norm = (x) => x.replace(/\s+/g, ' ').trim();
          const out = [];
          for (const t of texts) {
            const holders = [...el.shadowRoot.querySelectorAll('*')].filter((n) => norm(n.textContent).includes(norm(t.text)) &&
              ![...n.children].some((c) => norm(c.textContent).includes(norm(t.text))));
            if (!holders.length) continue; // not shown in this state
            for (const h of holders) {
              const marked = h.closest('[lang]');
              const got = marked ? marked.getAttribute('lang') : null;
              if (got !== t.lang) out.push(`${t.what} (${t.lang}) in <${h.localName}> inside lang="${got}"`);
            }
          }
          return out;
        }, lang);
        found.forEach((x) => problems.push(`${lang}, "${name}": ${x}`));
      });
    }
    assert.ok(problems.length === 0, `text in another language without a matching lang attribute:\n${[...new Set(problems)].join('\n')}`);
  });

  // ----------------------------------------------------------------------------------------------
  // Reflow, text size, target size, motion

  const WIDE_EXAMPLE = 'child, high-risk first relapse, consolidation, Norway';

  /** Horizontal overflow of the page and of every visible element of the widget. */
  async function overflow(page) {
    return page.evaluate(() => {
      const de = document.documentElement;
      const width = de.clientWidth;
      const host = document.querySelector('blincyto-checker');
      const out = { width, pageScroll: de.scrollWidth - width, offenders: [] };
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (!el.checkVisibility()) continue;
          const r = el.getBoundingClientRect();
          if (r.width && (r.right > width + 1 || r.left < -1)) {
            out.offenders.push(`${el.localName}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
          }
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      if (host && host.shadowRoot) walk(host.shadowRoot);
      out.offenders = out.offenders.slice(0, 10);
      return out;
    });
  }

  it('reflow: no horizontal scrolling at 320 css px (WCAG 1.4.10)', { timeout }, async () => {
    await withPage(browser, { viewport: { width: 320, height: 640 } }, async ({ page }) => {
      for (const name of [WIDE_EXAMPLE, 'adult Ph-positive refractory after two TKIs, no alternatives, Norway']) {
        for (const lang of LANGS) {
          const w = await openWidget(page, server, { lang, jurisdiction: 'se' }, { paste: true });
          await w.fill(examples.byName[name].input);
          await w.openDisclosures();
          const o = await overflow(page);
          assert.ok(o.pageScroll <= 0 && o.offenders.length === 0,
            `${lang}, "${name}": page scrolls ${o.pageScroll} px sideways; overflowing: ${o.offenders.join('; ')}`);
        }
      }
    });
  });

  it('text at 200 %: browser zoom (640 css px) and a 32 px default font size, no horizontal scrolling (WCAG 1.4.4)', { timeout }, async (t) => {
    await withPage(browser, { viewport: { width: 640, height: 512 } }, async ({ page }) => {
      for (const lang of LANGS) {
        const w = await openWidget(page, server, { lang, jurisdiction: 'se' }, { paste: true });
        await w.fill(examples.byName[WIDE_EXAMPLE].input);
        await w.openDisclosures();
        const o = await overflow(page);
        assert.ok(o.pageScroll <= 0 && o.offenders.length === 0, `zoom 200 % (${lang}): page scrolls ${o.pageScroll} px; ${o.offenders.join('; ')}`);
      }
    });
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
      for (const lang of LANGS) {
        const w = await openWidget(page, server, { lang, jurisdiction: 'se' }, { paste: true });
        await w.fill(examples.byName[WIDE_EXAMPLE].input);
        await w.openDisclosures();
        const o = await overflow(page);
        assert.ok(o.pageScroll <= 0 && o.offenders.length === 0, `default font 32 px (${lang}): page scrolls ${o.pageScroll} px; ${o.offenders.join('; ')}`);
        const size = await w.host.evaluate((el) => parseFloat(getComputedStyle(el.shadowRoot.querySelector('label') ?? el).fontSize));
        if (size < 24) note(t, `with a 32 px default font size the widget's labels stay ${size}px (text follows browser zoom, not the font-size setting)`);
      }
    });
  });

  /** Clickable boxes smaller than 44×44 css px among the visible controls. */
  async function smallTargets(w) {
    return w.host.evaluate((el) => {
      const out = [];
      const root = el.shadowRoot;
      const seen = new Set();
      const measure = (node, what) => {
        if (seen.has(node) || !node.checkVisibility()) return;
        seen.add(node);
        const r = node.getBoundingClientRect();
        if (r.width < 44 - 0.5 || r.height < 44 - 0.5) out.push(`${what}: ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`);
      };
      for (const c of root.querySelectorAll('input, select, textarea, button, summary')) {
        if (c.type === 'hidden') continue;
        const id = `${c.localName}${c.name ? `[name=${c.name}]` : ''}${c.type === 'radio' || c.type === 'checkbox' ? `[value=${c.value}]` : ''}`;
        if ((c.type === 'radio' || c.type === 'checkbox') && c.labels && c.labels.length) {
          for (const l of c.labels) measure(l, `label of ${id} "${l.textContent.trim().slice(0, 30)}"`);
        } else {
          measure(c, id + (/^(button|summary)$/.test(c.localName) ? ` "${c.textContent.trim().slice(0, 30)}"` : ''));
        }
      }
      return out;
    });
  }

  it('target size: every radio/checkbox label, select, input, button and summary ≥ 44×44 css px', { timeout }, async () => {
    const small = new Set();
    for (const viewport of [VIEWPORTS.phone, VIEWPORTS.tablet]) {
      await withPage(browser, { viewport }, async ({ page }) => {
        for (const name of [WIDE_EXAMPLE, 'adult Ph-positive refractory after two TKIs, no alternatives, Norway', 'adult refractory, Sweden, bridging']) {
          const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' }, { paste: true });
          const record = async () => (await smallTargets(w)).forEach((x) => small.add(`${viewport.width} px: ${x}`));
          await record();
          await w.fill(examples.byName[name].input, { onStep: record });
          await w.openDisclosures();
          await record();
        }
      });
    }
    assert.ok(small.size === 0, `targets below 44×44 css px:\n${[...small].join('\n')}`);
  });

  it('prefers-reduced-motion: reduce → no animation or transition longer than 0.01 s', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet, reducedMotion: 'reduce' }, async ({ page }) => {
      const found = new Set();
      const probe = async () => {
        const r = await page.evaluate(() => {
          const out = [];
          const host = document.querySelector('blincyto-checker');
          const anims = [...document.getAnimations(), ...(host.shadowRoot.getAnimations ? host.shadowRoot.getAnimations() : [])];
          for (const a of anims) {
            const t = a.effect && a.effect.getComputedTiming ? a.effect.getComputedTiming() : {};
            if (a.playState === 'running' && (t.duration > 10 || t.iterations === Infinity)) {
              out.push(`running ${a.constructor.name} ${a.animationName ?? a.transitionProperty ?? ''} on ${a.effect.target?.localName} (${t.duration} ms)`);
            }
          }
          const secs = (list) => Math.max(0, ...list.split(',').map((x) => (x.trim().endsWith('ms') ? parseFloat(x) / 1000 : parseFloat(x))));
          for (const el of host.shadowRoot.querySelectorAll('*')) {
            const cs = getComputedStyle(el);
            const tr = secs(cs.transitionDuration);
            if (tr > 0.01 && cs.transitionProperty !== 'none') out.push(`transition ${cs.transitionProperty} ${cs.transitionDuration} on ${el.localName}.${el.className}`);
            const an = secs(cs.animationDuration);
            if (an > 0.01 && cs.animationName !== 'none') out.push(`animation ${cs.animationName} ${cs.animationDuration} on ${el.localName}.${el.className}`);
          }
          return out;
        });
        r.forEach((x) => found.add(x));
      };
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' }, { paste: true });
      await probe();
      await w.fill(examples.byName[WIDE_EXAMPLE].input, { onStep: probe });
      assert.ok(found.size === 0, `motion despite prefers-reduced-motion: reduce (WCAG 2.3.3 / house style):\n${[...found].join('\n')}`);
    });
  });
});
