// A person's path through the form at tablet size (768×1024): every valid public example of the
// shared contract, language switching, the Sweden/Norway switch, "copy summary", the
// `blincyto-assessment` event, and screenshots of the demo page.
//
//   node e2e/form.mjs            (E2E_ONLY=<regexp> runs the matching tests only)
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  spec, startServer, launch, withPage, openWidget, Widget, validExamples, assert, assertEqual,
  VERDICTS, VIEWPORTS, RESULTS, settle, normalizeText,
} from './lib.mjs';

const s = spec('form');
const examples = await validExamples();

/** Records every blincyto-assessment event that reaches the document (set before any script). */
const RECORD_EVENTS = () => {
  window.__events = [];
  document.addEventListener('blincyto-assessment', (e) => {
    let detail;
    try {
      detail = JSON.parse(JSON.stringify(e.detail));
    } catch (err) {
      detail = { unserialisable: String(err) };
    }
    window.__events.push({
      bubbles: e.bubbles, composed: e.composed, isCustom: e instanceof CustomEvent,
      targetIsHost: e.target && e.target.localName === 'blincyto-checker', detail,
    });
  });
};

const sorted = (a) => [...(a ?? [])].sort().join(',');
const progressiveIssues = [];

for (const example of examples) {
  s.test(`example: ${example.name} → ${example.expect.verdict}`, async ({ browser, server }) => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await page.addInitScript(RECORD_EVENTS);
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      const { answered, neverShown } = await w.fill(example.input);
      const verdict = await w.verdict();
      assertEqual(verdict, example.expect.verdict,
        `data-verdict after answering [${answered.join(', ')}] (given but never shown: [${neverShown.join(', ')}])`);
      const events = await page.evaluate(() => window.__events);
      const last = events.at(-1);
      assert(last, 'no blincyto-assessment event reached the document');
      assertEqual(last.detail.verdict, verdict, 'last event detail.verdict vs data-verdict');
      if (example.expect.indications) {
        assertEqual(sorted(last.detail.label?.indications), sorted(example.expect.indications),
          'label.indications of the last result (the form fed the checker the example\'s facts)');
      }
      if (verdict !== 'incomplete') {
        const empty = (await w.fields()).filter((f) => f.visible && f.value === null).map((f) => f.name);
        if (empty.length) progressiveIssues.push(`${example.name} (${verdict}): [${empty.join(', ')}]`);
      }
    });
  });
}

s.test('progressive form: a decided answer leaves no unanswered question on screen', async () => {
  assert(progressiveIssues.length === 0,
    `questions still shown empty although they can no longer change the answer:\n${progressiveIssues.join('\n')}`);
});

s.test('language: lang sv → nb → en changes the headline, not the verdict', async ({ browser, server }) => {
  await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
    const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
    await w.fill(examples.byName['adult refractory, Sweden, no transplant'].input);
    const verdict = await w.verdict();
    assertEqual(verdict, 'no-recommendation', 'verdict before switching');
    const seen = { sv: { headline: await w.headline(), text: await w.text() } };
    for (const lang of ['nb', 'en']) {
      await w.setAttribute('lang', lang);
      seen[lang] = { headline: await w.headline(), text: await w.text() };
      assertEqual(await w.verdict(), verdict, `data-verdict after lang=${lang}`);
    }
    assert(seen.sv.headline && seen.nb.headline && seen.en.headline, `a headline is empty: ${JSON.stringify(seen)}`);
    assert(seen.sv.headline !== seen.nb.headline, `headline sv = nb: "${seen.sv.headline}"`);
    assert(seen.nb.headline !== seen.en.headline, `headline nb = en: "${seen.nb.headline}"`);
    assert(seen.sv.headline !== seen.en.headline, `headline sv = en: "${seen.sv.headline}"`);
    // Back to Swedish gives exactly the Swedish text again (no state lost in the switches).
    await w.setAttribute('lang', 'sv');
    assertEqual(await w.text(), seen.sv.text, 'whole widget text after switching back to sv');
  });
});

s.test('language: an element without lang follows <html lang>', async ({ browser, server }) => {
  await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
    const w = await openWidget(page, server, { lang: '', htmlLang: 'nb', jurisdiction: 'se' });
    const inherited = await w.text();
    await w.setAttribute('lang', 'nb');
    assertEqual(await w.text(), inherited, 'text without lang on a <html lang="nb"> page vs lang="nb"');
    await w.setAttribute('lang', 'sv');
    assert(await w.text() !== inherited, 'lang="sv" gives the same text as the inherited nb');
  });
});

s.test('jurisdiction: the Sweden/Norway switch inside the widget changes the answer, keeps the facts',
  async ({ browser, server }) => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      const jur = (await w.fields()).find((f) => f.name === 'jurisdiction');
      assert(jur && jur.visible, 'no visible control named "jurisdiction" in the widget');
      assertEqual(jur.value, 'se', 'jurisdiction control with jurisdiction="se"');
      const child = examples.byName['child, second relapse after two lines, Sweden, no transplant planned'];
      await w.fill(child.input);
      assertEqual(await w.verdict(), 'no', 'child in Sweden');
      await w.set('jurisdiction', 'no');
      assertEqual(await w.verdict(), 'pending', 'same child after switching to Norway');
      await w.set('jurisdiction', 'se');
      assertEqual(await w.verdict(), 'no', 'same child after switching back to Sweden');
    });
  });

s.test('jurisdiction: the attribute jurisdiction="no" preselects Norway', async ({ browser, server }) => {
  await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
    const w = await openWidget(page, server, { lang: 'nb', jurisdiction: 'no' });
    const jur = (await w.fields()).find((f) => f.name === 'jurisdiction');
    assert(jur, 'no control named "jurisdiction"');
    assertEqual(jur.value, 'no', 'jurisdiction control with jurisdiction="no"');
    await w.fill(examples.byName['same child in Norway'].input);
    assertEqual(await w.verdict(), 'pending', 'verdict');
  });
});

s.test('copy summary: verdict words and dataset date, no patient identity', async ({ browser, server }) => {
  await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page, context }) => {
    const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await w.fill(examples.byName['adult refractory, Sweden, bridging'].input);
    assertEqual(await w.verdict(), 'yes', 'verdict');
    const headline = normalizeText(await w.headline());
    const button = w.host.locator('button').filter({ hasText: /kopiera|kopier|copy/i });
    assert(await button.count() >= 1, 'no button whose text says "Kopiera"/"Copy" in the widget');
    await button.first().click();
    await settle(page);
    let summary = await page.evaluate(() => navigator.clipboard.readText());
    let via = 'clipboard';
    if (!summary) {
      via = 'fallback textarea';
      summary = await w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('textarea')].map((t) => t.value).join('\n'));
    }
    assert(summary, 'the copy button put nothing on the clipboard and shows no fallback textarea');
    const dataset = await page.evaluate(async () => (await import('/blincyto-checker.js')).evaluate({ jurisdiction: 'se' }).dataset);
    const [y, m, d] = String(dataset?.asOf ?? '').split('-');
    const dates = [dataset?.asOf, dataset?.version, `${d}.${m}.${y}`, `${Number(d)}/${Number(m)} ${y}`].filter(Boolean);
    const flat = normalizeText(summary);
    assert(flat.toLowerCase().includes(headline.toLowerCase()),
      `summary (${via}) lacks the verdict headline "${headline}":\n${summary}`);
    assert(dates.some((x) => flat.includes(x)), `summary lacks the dataset date (${dates.join(' / ')}):\n${summary}`);
    // No identity: no Swedish personnummer / Norwegian fødselsnummer-like number, no name field.
    assert(!/\b\d{6}(\d{2})?[-+]?\d{4}\b|\b\d{11}\b/.test(flat), `summary holds an identity-like number:\n${summary}`);
    assert(!/(person|fødsels)nummer|\bnamn\b|\bnavn\b|\bname\b/i.test(flat), `summary mentions an identity field:\n${summary}`);
  });
});

s.test('event: blincyto-assessment bubbles, is composed, detail is the result', async ({ browser, server }) => {
  await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
    await page.addInitScript(RECORD_EVENTS);
    const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'no' });
    const example = examples.byName['adult MRD-positive CR1, Norway'];
    const counts = [];
    await w.fill(example.input, {
      onStep: async (name) => {
        counts.push([name, await page.evaluate(() => window.__events.length), await w.verdict()]);
      },
    });
    const events = await page.evaluate(() => window.__events);
    assert(events.length > 0, 'no blincyto-assessment event reached the document');
    for (const [i, e] of events.entries()) {
      assert(e.isCustom, `event ${i} is not a CustomEvent`);
      assert(e.bubbles, `event ${i} does not bubble`);
      assert(e.composed, `event ${i} is not composed`);
      assert(e.targetIsHost, `event ${i}: target seen from the document is not the <blincyto-checker> element`);
      assert(VERDICTS.includes(e.detail?.verdict), `event ${i}: detail.verdict ${JSON.stringify(e.detail?.verdict)}`);
      assert(Array.isArray(e.detail.missing), `event ${i}: detail.missing is not an array`);
    }
    // Every answer is a new result (the result carries the input it read), so each one dispatches.
    let prev = 0;
    for (const [name, n] of counts) {
      assert(n > prev, `no blincyto-assessment event after answering ${name}`);
      prev = n;
    }
    assertEqual(events.at(-1).detail.verdict, await w.verdict(), 'last detail.verdict vs data-verdict');
    assertEqual(events.at(-1).detail.verdict, 'yes-with-conditions', 'final verdict');
  });
});

s.test('screenshots: demo page in Swedish at 768×1024 and 360×740', async ({ browser, server }) => {
  await mkdir(RESULTS, { recursive: true });
  for (const [name, viewport] of Object.entries({ '768': VIEWPORTS.tablet, '360': VIEWPORTS.phone })) {
    await withPage(browser, { viewport }, async ({ page }) => {
      await page.goto(`${server.base}/index.html`);
      const w = new Widget(page);
      w.paste = true; // the look of the answered page; typing is tested above
      await w.ready();
      await page.screenshot({ path: join(RESULTS, `demo-sv-${name}.png`), fullPage: true });
      await w.fill(examples.byName['adult refractory, Sweden, bridging'].input);
      await page.screenshot({ path: join(RESULTS, `demo-sv-${name}-answered.png`), fullPage: true });
    });
  }
});

await s.run({
  setup: async () => ({ server: await startServer(), browser: await launch() }),
  teardown: async ({ server, browser }) => {
    await browser.close();
    await server.close();
  },
});
