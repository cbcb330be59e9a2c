// The ward-tablet flow (issue 12): every valid public example walked through the progressive form
// at 768×1024 and 360×740 as a person does (e2e/lib/walk.mjs `walk`): at no step more unanswered
// questions on screen than the empty form shows (src/form/questions.rs AT_ONCE, read from the
// widget at run time, not copied), after every answer an element carrying the verdict inside the
// viewport, the example's verdict at the end, and every answered question folded to its line but
// the one typed last and the one whose answer just changed the verdict, and no hyphenated word
// ("B-prekursor-ALL") split across two lines in the bar or a folded line. Also: "start over"
// returns to the first step, and
// the screenshots of the first step, a middle step and the answer at both sizes.
//
//   node --test e2e/flow.spec.mjs
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, before, after } from 'node:test';
import {
  serveAndLaunch, withPage, openWidget, validExamples, walk, verdictInView, settle, openQuestions,
  VIEWPORTS, RESULTS,
} from './lib.mjs';

const timeout = 300_000;
const examples = await validExamples();
/** Taps and scroll per example and size, written to test-results/flow.json for the README. */
const measured = [];

describe('flow', () => {
  let server;
  let browser;
  serveAndLaunch((s, b) => {
    server = s;
    browser = b;
  });

  /**
   * How many unanswered questions the form shows at once (the Rust form's AT_ONCE), read from the
   * widget: the open questions of the empty form, which needs more answers than it shows (a form
   * that showed every question would fail here, not pass with a larger bound).
   */
  let atOnce;
  before(async () => {
    atOnce = await withPage(browser, {}, async ({ page }) => {
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      const open = await openQuestions(w);
      const needed = (await w.host.evaluate((el) => el.assessment.missing)).filter((f) => f !== 'jurisdiction');
      assert.ok(open.length >= 1 && open.length < needed.length,
        `the empty form shows ${open.length} open question(s) of the ${needed.length} it needs: it is not progressive`);
      return open.length;
    });
  });

  after(async () => {
    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, 'flow.json'), JSON.stringify(measured, null, 2));
  });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`every public example at ${viewport.width}×${viewport.height}: no more open questions than at the start, the verdict in view after each answer, the example's verdict`, { timeout }, async () => {
      const failures = [];
      for (const example of examples) {
        await withPage(browser, { viewport }, async ({ page }) => {
          const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
          const steps = [];
          let verdictBefore = await w.host.evaluate((el) => el.shadowRoot.querySelector('[data-verdict]').dataset.verdict);
          const result = await walk(w, example.input, {
            onStep: async ({ name, open }) => {
              const inView = await verdictInView(w);
              // Folded now: every question answered before, the switch, and this one when it was
              // tapped (not typed) and its answer did not change the verdict.
              const [verdict, folded, typed] = await w.host.evaluate((el, n) => [
                el.shadowRoot.querySelector('[data-verdict]').dataset.verdict,
                [...el.shadowRoot.querySelectorAll('.fold')].filter((f) => f.checkVisibility()).map((f) => f.dataset.field).sort(),
                el.shadowRoot.querySelector(`[name="${n}"]`)?.type === 'text',
              ], name).then(([v, f, text]) => [v, f, text && example.input[name] != null]);
              const expected = ['jurisdiction', ...steps, ...(typed || verdict !== verdictBefore ? [] : [name])].sort();
              if (folded.join() !== expected.join()) failures.push(`${example.name} (${size}): after ${name} (${typed ? 'typed' : 'tapped'}, verdict ${verdictBefore} → ${verdict}), folded [${folded}], expected [${expected}]`);
              verdictBefore = verdict;
              steps.push(name);
              if (open.length > atOnce) failures.push(`${example.name} (${size}): after ${name}, ${open.length} open questions: ${open.map((f) => f.name).join(', ')}`);
              if (!inView) failures.push(`${example.name} (${size}): after ${name}, no element with data-verdict inside the viewport`);
              for (const word of await w.splitWords()) failures.push(`${example.name} (${size}): after ${name}, a line break splits ${word}`);
            },
          });
          const verdicts = await w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[data-verdict]')].map((n) => n.getAttribute('data-verdict')));
          if (verdicts.length < 2) failures.push(`${example.name} (${size}): ${verdicts.length} element(s) with data-verdict; the bar and the answer both carry it`);
          for (const v of verdicts) {
            if (v !== example.expect.verdict) failures.push(`${example.name} (${size}): data-verdict ${v} after [${steps.join(', ')}], expected ${example.expect.verdict}`);
          }
          if (result.open > atOnce) failures.push(`${example.name} (${size}): ${result.open} open questions at one step, the empty form shows ${atOnce}`);
          measured.push({ example: example.name, size, taps: result.taps, scroll: result.scroll, unknown: result.unknown });
        });
      }
      assert.ok(failures.length === 0, failures.join('\n'));
    });
  }

  it('start over: back to the first step, in view, focus on its first question', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.phone }, async ({ page }) => {
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      const first = (await w.fields()).filter((f) => f.visible).map((f) => f.name);
      await walk(w, examples.byName['adult MRD-positive CR1, Norway'].input);
      assert.notDeepEqual((await w.fields()).filter((f) => f.visible).map((f) => f.name), first, 'the walk changed the questions');
      await w.host.locator('button', { hasText: 'Börja om' }).click();
      await settle(page);
      const fields = await w.fields();
      assert.deepEqual(fields.filter((f) => f.visible).map((f) => f.name), first, 'the questions of the first step');
      assert.deepEqual(fields.filter((f) => f.value !== null && f.name !== 'jurisdiction' && f.name !== 'monotherapy').map((f) => f.name), [], 'no answer left');
      const focused = await page.evaluate(() => {
        let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        const r = a.getBoundingClientRect();
        return { name: a.getAttribute('name'), inView: r.top >= 0 && r.bottom <= innerHeight };
      });
      assert.deepEqual(focused, { name: first.find((n) => n !== 'jurisdiction'), inView: true }, 'focus after start over');
      assert.equal(await w.verdict(), 'incomplete');
    });
  });

  it('screenshots: the first step, a middle step and the answer, sv, at 768×1024 and 360×740', { timeout }, async () => {
    await mkdir(RESULTS, { recursive: true });
    for (const [size, viewport] of Object.entries({ 768: VIEWPORTS.tablet, 360: VIEWPORTS.phone })) {
      await withPage(browser, { viewport }, async ({ page }) => {
        const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
        await page.screenshot({ path: join(RESULTS, `flow-sv-${size}-1-first.png`) });
        let n = 0;
        await walk(w, examples.byName['adult MRD-positive CR1, Norway'].input, {
          onStep: async () => {
            if (++n === 4) await page.screenshot({ path: join(RESULTS, `flow-sv-${size}-2-middle.png`) });
          },
        });
        await page.screenshot({ path: join(RESULTS, `flow-sv-${size}-3-answer.png`) });
        await w.host.locator('[data-verdict] button').first().click();
        await settle(page);
        await page.screenshot({ path: join(RESULTS, `flow-sv-${size}-4-full-answer.png`) });
      });
    }
  });
});
