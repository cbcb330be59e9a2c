// The element's JS API (issue 22), in headless Chromium: `jurisdiction` (reflecting its
// attribute) and `lang`, also when set before the module upgrades the element; `input` (set:
// answers the form, checked as evaluate() checks; get: what the form holds); `assessment`
// (the last event's detail); `updateComplete`; `reset()`. No request leaves the page.
//
//   node --test e2e/api.spec.mjs
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serveAndLaunch, withPage, openWidget, loadExamples, validExamples, VIEWPORTS } from './lib.mjs';

const timeout = 180_000;

/** In the page: the element, its shadow root's facts, and evaluate() from the module. */
const facts = () => {
  const el = document.querySelector('blincyto-checker');
  const root = el.shadowRoot;
  const checked = Object.fromEntries([...root.querySelectorAll('input[type=radio]:checked')].map((c) => [c.name, c.value]));
  const typed = Object.fromEntries([...root.querySelectorAll('input[type=text], input:not([type])')]
    .filter((c) => c.value !== '').map((c) => [c.name, c.value]));
  return {
    verdicts: [...root.querySelectorAll('[data-verdict]')].map((n) => n.getAttribute('data-verdict')),
    heading: root.querySelector('h2')?.textContent ?? '',
    checked, typed,
    unit: root.querySelector('select#in-ageUnit')?.value ?? null,
  };
};

describe('the element API', () => {
  let server;
  let browser;
  serveAndLaunch((s, b) => { server = s; browser = b; });

  it('properties set before the module upgraded the element are taken over (jurisdiction, lang, input)', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await page.goto(`${server.base}/__e2e__/pages/upgrade.html`);
      await page.waitForFunction(() => customElements.get('blincyto-checker') !== undefined);
      const r = await page.evaluate(async (factsSource) => {
        const el = document.querySelector('blincyto-checker');
        await el.updateComplete;
        const { evaluate } = await import('/blincyto-checker.js');
        const expected = evaluate({
          jurisdiction: 'no', ageYears: 34, diagnosis: 'b-precursor-all', cd19: 'positive',
          philadelphia: 'negative', diseaseStatus: 'newly-diagnosed', inRemission: true, mrdPercent: 0.5,
        });
        return {
          before: window.__upgradedBefore,
          own: ['jurisdiction', 'input'].filter((k) => Object.prototype.hasOwnProperty.call(el, k)),
          attribute: el.getAttribute('jurisdiction'), property: el.jurisdiction, lang: el.getAttribute('lang'),
          assessment: JSON.stringify(el.assessment), expected: JSON.stringify(expected),
          input: el.input, expectedInput: expected.input,
          lastEvent: window.__events.at(-1) === el.assessment,
          facts: new Function(`return (${factsSource})()`)(),
        };
      }, facts.toString());
      assert.equal(r.before, true, 'upgrade-before.js ran before the element was defined');
      assert.deepEqual(r.own, [], 'own properties left on the element after the upgrade (they hide the accessors)');
      assert.deepEqual([r.attribute, r.property, r.lang], ['no', 'no', 'en']);
      assert.match(r.facts.heading, /Can Blincyto be used/);
      assert.equal(r.assessment, r.expected, 'assessment is evaluate() of the input given before the upgrade');
      assert.deepEqual(r.input, r.expectedInput);
      assert.equal(r.lastEvent, true, 'the last event\'s detail is the assessment object');
      // Every answer given is shown (monotherapy, not given, shows its assumed default).
      const { monotherapy, ...checked } = r.facts.checked;
      assert.ok(monotherapy === undefined || monotherapy === 'true', `monotherapy ${monotherapy}`);
      assert.deepEqual(checked, { jurisdiction: 'no', diagnosis: 'b-precursor-all', cd19: 'positive', philadelphia: 'negative',
        diseaseStatus: 'newly-diagnosed', inRemission: 'true' });
      assert.deepEqual(r.facts.typed, { ageYears: '34', mrdPercent: '0.5' }, 'numbers typed as English writes them');
    });
  });

  it('jurisdiction and lang reflect their attributes; updateComplete waits for the render and the event', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      const r = await page.evaluate(async () => {
        const el = document.querySelector('blincyto-checker');
        const events = [];
        // After the first render's event: openWidget returns once the first render is in the
        // page, and its event follows in a task of its own, which updateComplete waits for.
        await el.updateComplete;
        el.addEventListener('blincyto-assessment', (e) => events.push(e.detail.input.jurisdiction));
        const out = { initial: el.jurisdiction };
        el.jurisdiction = 'no';
        out.attribute = el.getAttribute('jurisdiction');
        const done = await el.updateComplete;
        out.done = done;
        out.switch = el.shadowRoot.querySelector('input[name=jurisdiction]:checked').value;
        out.events = [...events];
        el.setAttribute('jurisdiction', 'se');
        out.property = el.jurisdiction;
        el.lang = 'nb';
        await el.updateComplete;
        out.langAttribute = el.getAttribute('lang');
        out.heading = el.shadowRoot.querySelector('h2').textContent;
        out.events2 = [...events];
        el.removeAttribute('jurisdiction');
        out.absent = el.jurisdiction;
        return out;
      });
      assert.equal(r.initial, 'se');
      assert.equal(r.attribute, 'no', 'setting the property sets the attribute');
      assert.equal(r.done, true, 'updateComplete resolves to true');
      assert.equal(r.switch, 'no', 'rendered when updateComplete resolved');
      assert.deepEqual(r.events, ['no'], 'the event of the change was dispatched when updateComplete resolved');
      assert.equal(r.property, 'se', 'setting the attribute changes the property');
      assert.equal(r.langAttribute, 'nb');
      assert.match(r.heading, /Kan Blincyto brukes/);
      assert.deepEqual(r.events2, ['no', 'se']);
      assert.equal(r.absent, 'se', 'the default without the attribute');
    });
  });

  it('input answers the form with every public example: assessment is evaluate()\'s, the form shows it', { timeout }, async () => {
    const examples = await validExamples();
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      const before = server.requests.length;
      const failures = await page.evaluate(async ({ examples, factsSource }) => {
        const facts = new Function(`return (${factsSource})()`);
        const { evaluate } = await import('/blincyto-checker.js');
        const el = document.querySelector('blincyto-checker');
        const events = [];
        el.addEventListener('blincyto-assessment', (e) => events.push(e.detail));
        const out = [];
        for (const ex of examples) {
          el.input = ex.input;
          const held = el.input;
          await el.updateComplete;
          const expected = evaluate(ex.input);
          const f = facts();
          if (JSON.stringify(el.assessment) !== JSON.stringify(expected)) out.push(`${ex.name}: assessment is not evaluate()'s`);
          if (events.at(-1) !== el.assessment) out.push(`${ex.name}: assessment is not the last event's detail`);
          if (JSON.stringify(el.input) !== JSON.stringify(expected.input)) out.push(`${ex.name}: input ${JSON.stringify(el.input)} != ${JSON.stringify(expected.input)}`);
          if (JSON.stringify(held) !== JSON.stringify(expected.input)) out.push(`${ex.name}: input read right after setting it: ${JSON.stringify(held)}`);
          // What evaluate() says (whether that is the contract's expectation is the contract stage's check).
          if (!f.verdicts.length || f.verdicts.some((v) => v !== expected.verdict)) out.push(`${ex.name}: data-verdict ${f.verdicts}, evaluate() says ${expected.verdict}`);
          for (const [k, v] of Object.entries(ex.input)) {
            const shown = f.checked[k] ?? f.typed[k];
            if (shown === undefined) continue; // a question the form does not ask for this patient
            if (typeof v === 'number' ? Number(shown.replace(',', '.')) !== v : shown !== String(v)) out.push(`${ex.name}: the form shows ${k}=${shown}, not ${v}`);
          }
        }
        return out;
      }, { examples, factsSource: facts.toString() });
      assert.deepEqual(failures, []);
      assert.equal(server.requests.length, before, 'requests after load');
    });
  });

  it('a bad input throws an Error naming the field and changes nothing', { timeout }, async () => {
    const bad = (await loadExamples()).filter((c) => c.expect?.error !== undefined);
    assert.ok(bad.length >= 5);
    const cases = [...bad.map((c) => ({ input: c.input, field: c.expect.error })),
      { input: [], field: 'input' }, { input: 'se', field: 'input' },
      // evaluate() takes it, the form cannot hold it as typed text.
      { input: { ageYears: 0.1 + 0.2 }, field: 'ageYears' }];
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      const r = await page.evaluate(async (cases) => {
        const el = document.querySelector('blincyto-checker');
        el.input = { jurisdiction: 'no', ageYears: 8, diagnosis: 'b-precursor-all' };
        await el.updateComplete;
        const events = [];
        el.addEventListener('blincyto-assessment', (e) => events.push(e.detail));
        const [input, assessment] = [JSON.stringify(el.input), el.assessment];
        const out = [];
        for (const c of cases) {
          try {
            el.input = c.input;
            out.push(`${JSON.stringify(c.input)}: no error`);
          } catch (e) {
            if (!(e instanceof Error)) out.push(`${JSON.stringify(c.input)}: threw ${e}, not an Error`);
            else if (!e.message.includes(c.field)) out.push(`${JSON.stringify(c.input)}: "${e.message}" does not name ${c.field}`);
          }
        }
        await el.updateComplete;
        if (JSON.stringify(el.input) !== input) out.push(`input changed to ${JSON.stringify(el.input)}`);
        if (el.assessment !== assessment) out.push('assessment changed');
        if (events.length) out.push(`${events.length} event(s)`);
        return out;
      }, cases);
      assert.deepEqual(r, []);
    });
  });

  it('input: an age in whole months is entered in months, exactly', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      const r = await page.evaluate(async (factsSource) => {
        const el = document.querySelector('blincyto-checker');
        el.input = { ageYears: 7 / 12, diagnosis: 'b-precursor-all' };
        await el.updateComplete;
        return { age: el.input.ageYears, assessed: el.assessment.input.ageYears, f: new Function(`return (${factsSource})()`)() };
      }, facts.toString());
      assert.equal(r.age, 7 / 12);
      assert.equal(r.assessed, 7 / 12);
      assert.deepEqual([r.f.unit, r.f.typed.ageYears], ['months', '7']);
    });
  });

  it('reset() is the start-over button: empty form, the attribute\'s jurisdiction, focus on the first question', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await openWidget(page, server, { lang: 'sv', jurisdiction: 'no' });
      const r = await page.evaluate(async () => {
        const el = document.querySelector('blincyto-checker');
        el.input = { jurisdiction: 'se', ageYears: 52, diagnosis: 't-all' };
        await el.updateComplete;
        const before = el.assessment.verdict;
        el.reset();
        await el.updateComplete;
        const focused = el.shadowRoot.activeElement;
        return {
          before, after: el.assessment.verdict, input: el.input,
          focused: focused ? `${focused.localName}[name=${focused.getAttribute('name')}]` : null,
          first: el.shadowRoot.querySelector('.question-list .slot:not([hidden]) .question:not([hidden]) input').getAttribute('name'),
        };
      });
      assert.equal(r.before, 'off-label');
      assert.equal(r.after, 'incomplete');
      assert.deepEqual(r.input, { jurisdiction: 'no' });
      assert.equal(r.focused, `input[name=${r.first}]`);
    });
  });
});
