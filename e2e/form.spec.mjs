// A person's path through the form at tablet size (768×1024): every valid public example of the
// shared contract, language switching, the Sweden/Norway switch, "copy summary", the
// `blincyto-assessment` event, the dataset's definitions as hints, notes with their quotations,
// the dataset's two dates, the currency notice under a fixed clock, and screenshots.
//
//   node --test e2e/form.spec.mjs      (--test-name-pattern=<regexp> runs the matching tests only)
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, after } from 'node:test';
import {
  serveAndLaunch,
  withPage, openWidget, Widget, validExamples,
  VERDICTS, VIEWPORTS, RESULTS, LANGS, settle, normalizeText, readDataset, addMonths, addDays, formatDate,
  datasetInfo, withPageOn,
} from './lib.mjs';

/** Per test. */
const timeout = 120_000;
const examples = await validExamples();
const data = await readDataset();
/** The currency notice's heading in each language (the words the contract asks for). */
const STALE_WORDS = { sv: 'Svaret kan vara inaktuellt', nb: 'Svaret kan være utdatert', en: 'This answer may be out of date' };

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

describe('form', () => {
  let server;
  let browser;
  serveAndLaunch((s, b) => {
    server = s;
    browser = b;
  });

  for (const example of examples) {
    it(`example: ${example.name} → ${example.expect.verdict}; decided, no unanswered question left on screen`, { timeout }, async () => {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        await page.addInitScript(RECORD_EVENTS);
        const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
        const { answered, neverShown } = await w.fill(example.input);
        const verdict = await w.verdict();
        assert.equal(verdict, example.expect.verdict,
          `data-verdict after answering [${answered.join(', ')}] (given but never shown: [${neverShown.join(', ')}])`);
        const events = await page.evaluate(() => window.__events);
        const last = events.at(-1);
        assert.ok(last, 'no blincyto-assessment event reached the document');
        assert.equal(last.detail.verdict, verdict, 'last event detail.verdict vs data-verdict');
        if (example.expect.indications) {
          assert.equal(sorted(last.detail.label?.indications), sorted(example.expect.indications),
            'label.indications of the last result (the form fed the checker the example\'s facts)');
        }
        // The progressive form: a decided answer leaves no unanswered question on screen.
        if (verdict !== 'incomplete') {
          const empty = (await w.fields()).filter((f) => f.visible && f.value === null).map((f) => f.name);
          assert.deepEqual(empty, [], `questions still shown empty although they can no longer change the ${verdict}`);
        }
      });
    });
  }

  it('language: lang sv → nb → en changes the headline, not the verdict', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      await w.fill(examples.byName['adult refractory, Sweden, no transplant'].input);
      const verdict = await w.verdict();
      assert.equal(verdict, 'no-recommendation', 'verdict before switching');
      const seen = { sv: { headline: await w.headline(), text: await w.text() } };
      for (const lang of ['nb', 'en']) {
        await w.setAttribute('lang', lang);
        seen[lang] = { headline: await w.headline(), text: await w.text() };
        assert.equal(await w.verdict(), verdict, `data-verdict after lang=${lang}`);
      }
      assert.ok(seen.sv.headline && seen.nb.headline && seen.en.headline, `a headline is empty: ${JSON.stringify(seen)}`);
      assert.ok(seen.sv.headline !== seen.nb.headline, `headline sv = nb: "${seen.sv.headline}"`);
      assert.ok(seen.nb.headline !== seen.en.headline, `headline nb = en: "${seen.nb.headline}"`);
      assert.ok(seen.sv.headline !== seen.en.headline, `headline sv = en: "${seen.sv.headline}"`);
      // Back to Swedish gives exactly the Swedish text again (no state lost in the switches).
      await w.setAttribute('lang', 'sv');
      assert.equal(await w.text(), seen.sv.text, 'whole widget text after switching back to sv');
    });
  });

  it('language: an element without lang follows <html lang>', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      const w = await openWidget(page, server, { lang: '', htmlLang: 'nb', jurisdiction: 'se' });
      const inherited = await w.text();
      await w.setAttribute('lang', 'nb');
      assert.equal(await w.text(), inherited, 'text without lang on a <html lang="nb"> page vs lang="nb"');
      await w.setAttribute('lang', 'sv');
      assert.ok(await w.text() !== inherited, 'lang="sv" gives the same text as the inherited nb');
    });
  });

  it('jurisdiction: the Sweden/Norway switch inside the widget changes the answer, keeps the facts',
    { timeout }, async () => {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
        const jur = (await w.fields()).find((f) => f.name === 'jurisdiction');
        assert.ok(jur && jur.visible, 'no visible control named "jurisdiction" in the widget');
        assert.equal(jur.value, 'se', 'jurisdiction control with jurisdiction="se"');
        const child = examples.byName['child, second relapse after two lines, Sweden, no transplant planned'];
        await w.fill(child.input);
        assert.equal(await w.verdict(), 'no', 'child in Sweden');
        await w.set('jurisdiction', 'no');
        assert.equal(await w.verdict(), 'pending', 'same child after switching to Norway');
        await w.set('jurisdiction', 'se');
        assert.equal(await w.verdict(), 'no', 'same child after switching back to Sweden');
      });
    });

  it('jurisdiction: the attribute jurisdiction="no" preselects Norway', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      const w = await openWidget(page, server, { lang: 'nb', jurisdiction: 'no' });
      const jur = (await w.fields()).find((f) => f.name === 'jurisdiction');
      assert.ok(jur, 'no control named "jurisdiction"');
      assert.equal(jur.value, 'no', 'jurisdiction control with jurisdiction="no"');
      await w.fill(examples.byName['same child in Norway'].input);
      assert.equal(await w.verdict(), 'pending', 'verdict');
    });
  });

  it('copy summary: verdict words and dataset date, no patient identity', { timeout }, async () => {
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page, context }) => {
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await w.fill(examples.byName['adult refractory, Sweden, bridging'].input);
      assert.equal(await w.verdict(), 'yes', 'verdict');
      const headline = normalizeText(await w.headline());
      const button = w.host.locator('button').filter({ hasText: /kopiera|kopier|copy/i });
      assert.ok(await button.count() >= 1, 'no button whose text says "Kopiera"/"Copy" in the widget');
      await button.first().click();
      await settle(page);
      let summary = await page.evaluate(() => navigator.clipboard.readText());
      let via = 'clipboard';
      if (!summary) {
        via = 'fallback textarea';
        summary = await w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('textarea')].map((t) => t.value).join('\n'));
      }
      assert.ok(summary, 'the copy button put nothing on the clipboard and shows no fallback textarea');
      const dataset = await page.evaluate(async () => (await import('/blincyto-checker.js')).evaluate({ jurisdiction: 'se' }).dataset);
      const [y, m, d] = String(dataset?.asOf ?? '').split('-');
      const dates = [dataset?.asOf, dataset?.version, `${d}.${m}.${y}`, `${Number(d)}/${Number(m)} ${y}`].filter(Boolean);
      const flat = normalizeText(summary);
      assert.ok(flat.toLowerCase().includes(headline.toLowerCase()),
        `summary (${via}) lacks the verdict headline "${headline}":\n${summary}`);
      assert.ok(dates.some((x) => flat.includes(x)), `summary lacks the dataset date (${dates.join(' / ')}):\n${summary}`);
      // No identity: no Swedish personnummer / Norwegian fødselsnummer-like number, no name field.
      assert.ok(!/\b\d{6}(\d{2})?[-+]?\d{4}\b|\b\d{11}\b/.test(flat), `summary holds an identity-like number:\n${summary}`);
      assert.ok(!/(person|fødsels)nummer|\bnamn\b|\bnavn\b|\bname\b/i.test(flat), `summary mentions an identity field:\n${summary}`);
    });
  });

  it('event: blincyto-assessment bubbles, is composed, detail is the result', { timeout }, async () => {
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
      assert.ok(events.length > 0, 'no blincyto-assessment event reached the document');
      for (const [i, e] of events.entries()) {
        assert.ok(e.isCustom, `event ${i} is not a CustomEvent`);
        assert.ok(e.bubbles, `event ${i} does not bubble`);
        assert.ok(e.composed, `event ${i} is not composed`);
        assert.ok(e.targetIsHost, `event ${i}: target seen from the document is not the <blincyto-checker> element`);
        assert.ok(VERDICTS.includes(e.detail?.verdict), `event ${i}: detail.verdict ${JSON.stringify(e.detail?.verdict)}`);
        assert.ok(Array.isArray(e.detail.missing), `event ${i}: detail.missing is not an array`);
      }
      // Every answer is a new result (the result carries the input it read), so each one dispatches.
      let prev = 0;
      for (const [name, n] of counts) {
        assert.ok(n > prev, `no blincyto-assessment event after answering ${name}`);
        prev = n;
      }
      assert.equal(events.at(-1).detail.verdict, await w.verdict(), 'last detail.verdict vs data-verdict');
      assert.equal(events.at(-1).detail.verdict, 'yes-with-conditions', 'final verdict');
    });
  });

  /**
   * The question of `field` as a person and a screen reader meet it: shown or not, its hint text,
   * and the text of what its control's aria-describedby points at (the fieldset of a radio group,
   * else the input).
   */
  async function questionHint(w, field) {
    return w.host.evaluate((el, name) => {
      const root = el.shadowRoot;
      const control = root.querySelector(`input[name="${name}"]`);
      if (!control) return { exists: false };
      const holder = control.closest('fieldset[aria-describedby]') ?? control;
      const ids = (holder.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const norm = (t) => t.replace(/\s+/g, ' ').trim();
      const question = control.closest('.question, fieldset') ?? control.parentElement;
      const hint = question.querySelector('.hint');
      return {
        exists: true,
        shown: question.checkVisibility(),
        hint: hint ? norm(hint.textContent) : null,
        hintShown: !!hint && hint.checkVisibility(),
        described: ids.map((id) => root.getElementById(id)).filter(Boolean).map((n) => norm(n.textContent)),
      };
    }, field);
  }

  it('hints: relapse, remission and monotherapy mean what the dataset defines, in sv, nb and en', { timeout }, async () => {
    const byField = Object.fromEntries(data.definitions.map((d) => [d.fields[0], d]));
    for (const field of ['diseaseStatus', 'inRemission', 'monotherapy']) assert.ok(byField[field], `the dataset defines no ${field}`);
    const problems = [];
    for (const lang of LANGS) {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        const w = await openWidget(page, server, { lang, jurisdiction: 'se' }, { paste: true });
        const check = async (field) => {
          const want = normalizeText(byField[field].hint[lang]);
          const q = await questionHint(w, field);
          if (!q.exists || !q.shown) return problems.push(`${lang} ${field}: the question is not on screen`);
          if (q.hint !== want) problems.push(`${lang} ${field}: hint is ${JSON.stringify(q.hint)}, the dataset's ${byField[field].id} says ${JSON.stringify(want)}`);
          if (!q.hintShown) problems.push(`${lang} ${field}: the hint is not visible`);
          if (!q.described.includes(want)) problems.push(`${lang} ${field}: aria-describedby of the control points at ${JSON.stringify(q.described)}, not the hint`);
        };
        // Each when the form asks it: monotherapy last, once the rest is answered.
        await w.fill({ ageYears: 30, diagnosis: 'b-precursor-all', cd19: 'positive', philadelphia: 'negative' });
        await check('diseaseStatus');
        await w.set('diseaseStatus', 'newly-diagnosed');
        await check('inRemission');
        const { monotherapy, ...rest } = examples.byName['adult MRD-positive CR1, Norway'].input;
        await w.fill(rest);
        await check('monotherapy');
      });
    }
    assert.ok(problems.length === 0, problems.join('\n'));
  });

  /**
   * The adult Ph-negative CR1 MRD-positive case in Norway, answered in an order a person may take:
   * consolidation while the form still asks it, then the MRD (the test after it takes the other
   * order). Returns the questions answered.
   */
  async function fillMrdCase(w) {
    const { mrdPercent, ...before } = examples.byName['adult MRD-positive CR1, Norway'].input;
    const { answered } = await w.fill(before);
    assert.ok(answered.includes('consolidation'), `the form did not ask consolidation before the MRD: answered ${answered.join(', ')}`);
    await w.set('mrdPercent', mrdPercent);
    return [...answered, 'mrdPercent'];
  }

  it('notes: the ID2019_118 note (adult Ph-negative CR1 MRD-positive, Norway) quotes the Norwegian conditions with lang="nb"', { timeout }, async () => {
    const quote = data.quotes.find((q) => q.id === 'id2019-118-conditions');
    const note = data.notes.find((n) => n.id === 'id2019-118-conditions-verbatim');
    const source = data.sources[quote.source];
    assert.ok(quote && note && source, 'the dataset lacks the ID2019_118 quote, note or source');
    const allQuotes = new Set(data.quotes.map((q) => normalizeText(q.text)));
    for (const lang of ['sv', 'en']) {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        const w = await openWidget(page, server, { lang, jurisdiction: 'no' }, { paste: true });
        await fillMrdCase(w);
        assert.equal(await w.verdict(), 'yes-with-conditions', 'verdict');
        const found = await w.answer().evaluate((answer, [quoteText, noteText]) => {
          const norm = (t) => t.replace(/\s+/g, ' ').trim();
          const quotes = [...answer.querySelectorAll('blockquote')];
          const hit = quotes.find((b) => norm(b.textContent) === quoteText);
          const holders = [...answer.querySelectorAll('*')].filter((n) => norm(n.textContent) === noteText);
          const figure = hit && hit.closest('figure');
          const link = figure && figure.querySelector('figcaption a');
          return {
            blockquotes: quotes.map((b) => ({ text: [...b.querySelectorAll('p')].map((p) => norm(p.textContent)), lang: b.getAttribute('lang') })),
            quote: hit ? { lang: hit.getAttribute('lang'), visible: hit.checkVisibility(), inNotes: !!hit.closest('.notes, [class*="note"]'),
              caption: figure ? norm(figure.querySelector('figcaption')?.textContent ?? '') : null, href: link?.getAttribute('href') ?? null } : null,
            note: holders.map((n) => ({ tag: n.localName, visible: n.checkVisibility(), inQuote: !!n.closest('blockquote') })),
          };
        }, [normalizeText(quote.text), normalizeText(note.text[lang])]);
        assert.ok(found.quote, `${lang}: no blockquote holds the ID2019_118 conditions verbatim; blockquotes: ${JSON.stringify(found.blockquotes)}`);
        assert.equal(found.quote.lang, source.lang, `${lang}: lang of the quoted Norwegian conditions`);
        assert.ok(found.quote.visible, `${lang}: the quotation is not visible`);
        assert.ok(found.quote.inNotes, `${lang}: the quotation is not with the notes`);
        assert.equal(found.quote.href, source.url, `${lang}: the quotation's source link`);
        assert.ok(found.quote.caption.includes(source.publisher) && found.quote.caption.includes(source.title),
          `${lang}: the caption does not name the source (${source.publisher}: ${source.title}): ${found.quote.caption}`);
        assert.ok(found.note.length > 0, `${lang}: the note's own text ("${note.text[lang].slice(0, 60)}…") is not shown`);
        assert.ok(found.note.every((n) => !n.inQuote), `${lang}: the note's own words are inside a blockquote: ${JSON.stringify(found.note)}`);
        assert.ok(found.note.some((n) => n.visible), `${lang}: the note's text is not visible`);
        // A summary is never presented as a quotation: every blockquote holds the dataset's sentences only.
        for (const b of found.blockquotes) {
          for (const p of b.text) assert.ok(allQuotes.has(p), `${lang}: a blockquote holds text that is no quote of the dataset: "${p.slice(0, 100)}"`);
        }
        // Printed, the note and its quotation stay.
        await page.emulateMedia({ media: 'print' });
        const printed = await w.answer().evaluate((answer, text) => [...answer.querySelectorAll('blockquote')]
          .some((b) => b.textContent.replace(/\s+/g, ' ').trim() === text && b.checkVisibility()), normalizeText(quote.text));
        await page.emulateMedia({ media: 'screen' });
        assert.ok(printed, `${lang}: the quotation is hidden in print`);
      });
    }
  });

  it('notes: the ID2019_118 note when the MRD is answered first (consolidation then never asked)', { timeout }, async () => {
    const quote = data.quotes.find((q) => q.id === 'id2019-118-conditions');
    const source = data.sources[quote.source];
    const { consolidation, ...input } = examples.byName['adult MRD-positive CR1, Norway'].input;
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'no' }, { paste: true });
      const { answered } = await w.fill(input);
      assert.ok(!answered.includes('consolidation'), `consolidation was asked: ${answered.join(', ')}`);
      assert.equal(await w.verdict(), 'yes-with-conditions', 'verdict');
      const langs = await w.answer().evaluate((answer, text) => [...answer.querySelectorAll('blockquote')]
        .filter((b) => b.textContent.replace(/\s+/g, ' ').trim() === text && b.checkVisibility())
        .map((b) => b.getAttribute('lang')), normalizeText(quote.text));
      assert.deepEqual(langs, [source.lang], 'the Norwegian conditions, quoted once, marked with their language');
    });
  });

  it('dates: the answer shows the dataset\'s asOf and checked beside its sources, not folded away', { timeout }, async () => {
    const info = await datasetInfo(browser, server);
    assert.ok(/^\d{4}-\d{2}-\d{2}$/.test(info.asOf) && /^\d{4}-\d{2}-\d{2}$/.test(info.checked), `result dataset dates: ${JSON.stringify(info)}`);
    for (const lang of LANGS) {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        const w = await openWidget(page, server, { lang, jurisdiction: 'se' }, { paste: true });
        for (const state of ['empty', 'answered']) {
          if (state === 'answered') await w.fill(examples.byName['adult refractory, Sweden, bridging'].input);
          const seen = await w.answer().evaluate((answer, dates) => {
            const norm = (t) => t.replace(/\s+/g, ' ').trim();
            // The smallest visible element holding both dates.
            const holders = [...answer.querySelectorAll('*')].filter((n) => dates.every((d) => norm(n.innerText ?? '').includes(d)) && n.checkVisibility());
            const holder = holders.at(-1);
            if (!holder) return null;
            const sources = [...answer.querySelectorAll('a[href]')].filter((a) => a.closest('ul') && !a.closest('blockquote, figure')).at(-1);
            const r = holder.getBoundingClientRect();
            const s = sources ? sources.getBoundingClientRect() : null;
            return { text: norm(holder.innerText), inDetails: !!holder.closest('details'), gap: s ? r.top - s.bottom : null, hasSources: !!sources };
          }, [formatDate(lang, info.asOf), formatDate(lang, info.checked)]);
          assert.ok(seen, `${lang} ${state}: no visible element of the answer shows both ${formatDate(lang, info.asOf)} and ${formatDate(lang, info.checked)}`);
          assert.ok(!seen.inDetails, `${lang} ${state}: the dates are inside a <details>`);
          if (seen.hasSources) assert.ok(seen.gap >= 0 && seen.gap < 120, `${lang} ${state}: the dates are ${seen.gap} px from the sources list`);
        }
      });
    }
  });

  /** What the page shows of the currency notice and the answer. */
  async function currency(w) {
    return w.host.evaluate((el) => {
      const root = el.shadowRoot;
      const norm = (t) => t.replace(/\s+/g, ' ').trim();
      const notices = [...root.querySelectorAll('[data-stale]')];
      const n = notices[0];
      const answer = [...root.querySelectorAll('[data-verdict]')].at(-1);
      const live = [...root.querySelectorAll('[aria-live="polite"]')].map((r) => norm(r.textContent));
      const cs = n && getComputedStyle(n);
      return {
        count: notices.length,
        text: n ? norm(n.innerText) : null,
        visible: !!n && n.checkVisibility(),
        icon: !!n && !!n.querySelector('svg[aria-hidden="true"]'),
        links: n ? [...n.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')) : [],
        border: cs ? cs.borderLeftColor : null,
        warning: getComputedStyle(el).getPropertyValue('--blincyto-warning').trim(),
        answerVisible: !!answer && answer.checkVisibility() && norm(answer.querySelector('[class*="headline"]')?.textContent ?? '').length > 0,
        verdict: answer?.getAttribute('data-verdict'),
        live,
      };
    });
  }

  /** `#rrggbb` → `rgb(r, g, b)`, as computed styles write colours. */
  const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

  it('currency: a fixed device clock the day before, on and after checked + staleAfterMonths → [data-stale] absent, absent, present', { timeout }, async () => {
    const info = await datasetInfo(browser, server);
    assert.ok(Number.isInteger(info.staleAfterMonths) && info.staleAfterMonths > 0, `result dataset.staleAfterMonths: ${info.staleAfterMonths}`);
    const end = addMonths(info.checked, info.staleAfterMonths);
    const example = examples.byName['adult refractory, Sweden, bridging'];
    const runs = [[addDays(end, -1), 'sv', false], [end, 'sv', false], [addDays(end, 1), 'sv', true], [addDays(end, 1), 'nb', true], [addDays(end, 1), 'en', true]];
    const problems = [];
    for (const [day, lang, stale] of runs) {
      await withPageOn(browser, day, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        const what = `${lang}, device date ${day} (checked ${info.checked} + ${info.staleAfterMonths} months = ${end})`;
        const deviceDay = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
        assert.equal(deviceDay, day, `${what}: the page's own date`);
        const w = await openWidget(page, server, { lang, jurisdiction: 'se' }, { paste: true });
        await w.fill(example.input);
        await w.announced();
        const c = await currency(w);
        if (c.verdict !== example.expect.verdict || !c.answerVisible) problems.push(`${what}: the answer is not shown (data-verdict ${c.verdict})`);
        if (c.count !== (stale ? 1 : 0)) problems.push(`${what}: ${c.count} element(s) with data-stale, expected ${stale ? 1 : 0}`);
        if (!stale || c.count !== 1) return;
        if (!c.visible) problems.push(`${what}: the notice is not visible`);
        if (!c.text.includes(STALE_WORDS[lang])) problems.push(`${what}: the notice does not say "${STALE_WORDS[lang]}": ${c.text}`);
        for (const [other, words] of Object.entries(STALE_WORDS)) {
          if (other !== lang && c.text.includes(words)) problems.push(`${what}: the notice speaks ${other}: ${c.text}`);
        }
        if (!c.text.includes(formatDate(lang, info.checked))) problems.push(`${what}: the notice does not give the date checked (${formatDate(lang, info.checked)}): ${c.text}`);
        if (!c.icon) problems.push(`${what}: the notice has no icon (colour must not be the only sign)`);
        for (const url of data.sites) if (!c.links.includes(url)) problems.push(`${what}: the notice does not link ${url}: ${JSON.stringify(c.links)}`);
        if (c.border !== rgb(c.warning)) problems.push(`${what}: the notice's border is ${c.border}, not --blincyto-warning ${c.warning}`);
        // Announced once: the first decided answer's live message carries it, a later one does not.
        if (!c.live.some((t) => t.includes(STALE_WORDS[lang]))) problems.push(`${what}: the live region did not carry the notice with the first answer: ${JSON.stringify(c.live)}`);
        await w.set('jurisdiction', 'no');
        await w.announced();
        const later = await currency(w);
        if (later.verdict === c.verdict || later.verdict === 'incomplete') problems.push(`${what}: switching to Norway gave ${later.verdict} (the test needs another decided answer)`);
        if (later.live.some((t) => t.includes(STALE_WORDS[lang]))) problems.push(`${what}: the live region says the notice again with a later answer: ${JSON.stringify(later.live)}`);
        if (later.count !== 1 || !later.visible || !later.answerVisible) problems.push(`${what}: after a change the notice or the answer is gone`);
        // Printed, the notice stays.
        await page.emulateMedia({ media: 'print' });
        const printed = await currency(w);
        await page.emulateMedia({ media: 'screen' });
        if (!printed.visible) problems.push(`${what}: the notice is hidden in print`);
      });
    }
    assert.ok(problems.length === 0, problems.join('\n'));
  });

  it('screenshots: the monotherapy hint, the answer with its notes and two dates, the currency notice (sv, 768×1024)', { timeout }, async () => {
    await mkdir(RESULTS, { recursive: true });
    const info = await datasetInfo(browser, server);
    const shoot = async (page, w, selector, file) => {
      await w.host.locator(selector).first().evaluate((n) => { n.scrollIntoView({ block: 'start' }); window.scrollBy(0, -24); });
      await settle(page);
      await page.screenshot({ path: join(RESULTS, file) });
    };
    await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await page.goto(`${server.base}/index.html`);
      const w = await new Widget(page).ready();
      w.paste = true;
      // The monotherapy question is asked once the other answers are in (questions are built
      // when first asked).
      await fillMrdCase(w);
      await shoot(page, w, '#q-monotherapy', 'hint-monotherapy-sv-768.png');
      await shoot(page, w, '.notes', 'answer-notes-sv-768.png');
      await shoot(page, w, '.sources', 'answer-dates-sv-768.png');
    });
    // Two years after the dataset was checked.
    await withPageOn(browser, addMonths(info.checked, 24), { viewport: VIEWPORTS.tablet }, async ({ page }) => {
      await page.goto(`${server.base}/index.html`);
      const w = await new Widget(page).ready();
      w.paste = true;
      await fillMrdCase(w);
      assert.ok(await w.host.locator('[data-stale]').count() === 1, 'no currency notice two years after checked');
      await w.host.locator('.verdict').first().evaluate((n) => { n.scrollIntoView({ block: 'start' }); window.scrollBy(0, -24); });
      await settle(page);
      await page.screenshot({ path: join(RESULTS, 'currency-notice-sv-768.png') });
      await page.screenshot({ path: join(RESULTS, 'currency-notice-sv-768-full.png'), fullPage: true });
    });
    await withPageOn(browser, addMonths(info.checked, 24), { viewport: VIEWPORTS.phone }, async ({ page }) => {
      await page.goto(`${server.base}/index.html`);
      const w = await new Widget(page).ready();
      w.paste = true;
      await fillMrdCase(w);
      await w.host.locator('.verdict').first().evaluate((n) => { n.scrollIntoView({ block: 'start' }); window.scrollBy(0, -24); });
      await settle(page);
      await page.screenshot({ path: join(RESULTS, 'currency-notice-sv-360.png') });
    });
  });

  it('screenshots: demo page in Swedish at 768×1024 and 360×740', { timeout }, async () => {
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
});
