// What a screen-reader user hears (issue 20): the accessibility tree Chromium builds (Playwright's
// ariaSnapshot(), which reads the open shadow root), where focus goes after each kind of action,
// and every text the live region takes while a person types, in sv and nb.
//
//   node --test e2e/hear.spec.mjs      (--test-name-pattern=<regexp> runs the matching tests only)
//
// A real screen reader (NVDA, VoiceOver) is not run here: docs/accessibility.md says what these
// checks cover and what is still to confirm with one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serveAndLaunch, withPage, openWidget, settle, VIEWPORTS } from './lib.mjs';

const timeout = 120_000;

/** Sweden, adult, MRD 0,5 %, bridging (sv) and Norway, adult CR1, MRD 0,3 % (nb). */
const CASES = {
  sv: {
    input: { jurisdiction: 'se', ageYears: 45, diagnosis: 'b-precursor-all', cd19: 'positive', philadelphia: 'negative',
      diseaseStatus: 'newly-diagnosed', inRemission: true, mrdPercent: 0.5, plannedAlloHsct: true },
    verdict: 'Ja – som bryggbehandling inför allogen stamcellstransplantation',
    age: 'Ålder', unknown: 'Vet inte', notKnown: 'inte känt', error: 'Skriv åldern som ett tal',
    change: 'Ändra', foldedDiagnosis: 'Diagnos: B-prekursor-ALL Ändra',
  },
  nb: {
    input: { jurisdiction: 'no', ageYears: 45, diagnosis: 'b-precursor-all', cd19: 'positive', philadelphia: 'negative',
      diseaseStatus: 'newly-diagnosed', inRemission: true, mrdPercent: 0.3, consolidation: false },
    verdict: 'Ja, med vilkår',
    age: 'Alder', unknown: 'Vet ikke', notKnown: 'ikke kjent', error: 'Skriv alderen som et tall',
    change: 'Endre', foldedDiagnosis: 'Diagnose: B-celleprekursor ALL Endre',
  },
};

/** Starts recording every text the live region takes, with the time since the recording began. */
async function recordLive(w) {
  await w.host.evaluate((el) => {
    const region = el.shadowRoot.querySelector('[aria-live]');
    const log = [];
    const start = performance.now();
    const seen = () => log.push({ at: Math.round(performance.now() - start), text: region.textContent });
    new MutationObserver(seen).observe(region, { childList: true, characterData: true, subtree: true });
    el.__liveLog = log;
  });
}

/** The live region's log so far. */
const liveLog = (w) => w.host.evaluate((el) => el.__liveLog.slice());


/** The focused element inside the shadow root, described for an assertion message. */
const focused = (w) => w.host.evaluate((el) => {
  const a = el.shadowRoot.activeElement;
  if (!a) return null;
  return { tag: a.localName, name: a.getAttribute('name'), id: a.id, cls: a.className, text: a.textContent.trim(),
    inQuestion: a.closest('[id^="q-"]')?.id ?? null };
});

describe('what a screen-reader user hears', () => {
  let server;
  let browser;
  serveAndLaunch((s, b) => {
    server = s;
    browser = b;
  });

  for (const lang of ['sv', 'nb']) {
    const c = CASES[lang];

    it(`${lang}: the first screen's controls have names that say which question; no landmark leaks`, { timeout }, async () => {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        // The element directly in <body>, as embed.html puts it.
        const w = await openWidget(page, server, { lang, jurisdiction: c.input.jurisdiction }, { paste: true });
        const tree = await w.host.ariaSnapshot();
        const buttons = [...tree.matchAll(/- '?button "([^"]*)"/g)].map((m) => m[1]);
        const unknown = buttons.filter((b) => b.startsWith(c.unknown));
        assert.ok(unknown.length >= 2, `"${c.unknown}" buttons: ${buttons.join(' | ')}`);
        assert.equal(new Set(unknown).size, unknown.length, `every "${c.unknown}" button has its own name: ${unknown.join(' | ')}`);
        assert.ok(unknown.some((b) => b.includes(c.age)), `the age's button names the age: ${unknown.join(' | ')}`);
        const page_ = await page.locator('body').ariaSnapshot();
        assert.ok(!/- banner\b/.test(page_), `the widget adds a banner landmark to the host page:\n${page_.slice(0, 600)}`);
        // Heading navigation finds the answer itself, and heading levels go down one at a time.
        await w.fill(c.input);
        const headings = await w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('h1,h2,h3,h4,h5,h6')]
          .filter((h) => h.getClientRects().length > 0 || h.classList.contains('visually-hidden'))
          .map((h) => ({ level: Number(h.localName[1]), text: h.textContent.trim() })));
        assert.ok(headings.some((h) => h.text === c.verdict), `no heading says the verdict: ${JSON.stringify(headings)}`);
        for (let i = 1; i < headings.length; i++) {
          assert.ok(headings[i].level <= headings[i - 1].level + 1,
            `heading level skips from h${headings[i - 1].level} "${headings[i - 1].text}" to h${headings[i].level} "${headings[i].text}"`);
        }
        // Read down, the verdict is said once as a status, then the answer: never three times.
        const text = (await w.host.ariaSnapshot());
        const said = text.split(c.verdict).length - 1;
        assert.ok(said <= 2, `the verdict is in the accessibility tree ${said} times:\n${text.slice(0, 1200)}`);
        // Notation is read as written: no superscript exponent in a hint, and a bullet inside a
        // verbatim quotation is shown but not spoken as a list item.
        const notation = await w.host.evaluate((el) => ({
          hints: [...el.shadowRoot.querySelectorAll('.hint')].map((h) => h.textContent).filter((t) => /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/.test(t)),
          bullets: [...el.shadowRoot.querySelectorAll('blockquote')].flatMap((q) => {
            const walker = document.createTreeWalker(q, NodeFilter.SHOW_TEXT);
            const spoken = [];
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (n.textContent.includes('•') && !n.parentElement.closest('[aria-hidden="true"]')) spoken.push(n.textContent.slice(0, 60));
            }
            return spoken;
          }),
        }));
        assert.deepEqual(notation, { hints: [], bullets: [] }, 'notation a screen reader misreads');
        // The overview: every cell is read with its indication and its column.
        await w.host.locator('details.overview > summary').click();
        await settle(page);
        const cells = await w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('table.matrix td')].map((td) => {
          const ids = (td.getAttribute('headers') ?? '').split(/\s+/).filter(Boolean);
          return ids.map((id) => el.shadowRoot.getElementById(id)?.textContent.trim() ?? '').filter(Boolean);
        }));
        assert.ok(cells.length >= 10 && cells.every((h) => h.length === 2), `overview cells and their headers: ${JSON.stringify(cells.slice(0, 4))}`);
        // Links that open a new tab say so.
        const links = await w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('a[target="_blank"]')].map((a) => a.textContent));
        const newTab = lang === 'sv' ? 'ny flik' : 'ny fane';
        assert.ok(links.length > 0 && links.every((t) => t.includes(newTab)), `new-tab links: ${links.slice(0, 3).join(' | ')}`);
      });
    });

    it(`${lang}: focus and names of folded questions: a tap, keys, "${c.unknown}", reopening, start over and "to the answer"`, { timeout }, async () => {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        const w = await openWidget(page, server, { lang, jurisdiction: c.input.jurisdiction }, { paste: true });
        const name = (locator) => locator.ariaSnapshot().then((t) => t.match(/button "([^"]*)"/)?.[1] ?? t);
        // A tapped answer folds its question: focus goes to its line, whose name is the question
        // and the answer, then what the button does.
        await w.set('diagnosis', 'b-precursor-all');
        let f = await focused(w);
        assert.ok(f && f.tag === 'button' && f.inQuestion === 'q-diagnosis', `after a tap, focus is on ${JSON.stringify(f)}`);
        assert.equal(await name(w.folded('diagnosis')), c.foldedDiagnosis);
        // Enter on the line reopens the question, with focus on the answer picked; arrowing
        // through the options keeps it open (arrowing is no answer to fold yet).
        await page.keyboard.press('Enter');
        await settle(page);
        f = await focused(w);
        assert.equal(f?.name, 'diagnosis', `after reopening, focus is on ${JSON.stringify(f)}`);
        await page.keyboard.press('ArrowDown');
        await settle(page);
        await page.keyboard.press('ArrowUp');
        await settle(page);
        assert.equal((await focused(w))?.name, 'diagnosis', JSON.stringify(await focused(w)));
        assert.equal(await w.folded('diagnosis').count(), 0, 'arrowing folded the question');
        // "Vet inte" on the age: the age folds to a line that says it is not known, focus goes
        // to it, and the live region says the note.
        await recordLive(w);
        const before = await w.settledCount();
        await w.host.locator('#q-ageYears button.not-known').focus();
        await page.keyboard.press('Enter');
        await settle(page);
        f = await focused(w);
        assert.ok(f && f.tag === 'button' && f.inQuestion === 'q-ageYears' && f.text.includes(c.notKnown),
          `after "${c.unknown}" focus is on ${JSON.stringify(f)}`);
        assert.equal(await name(w.folded('ageYears')), `${c.age}: ${c.notKnown} ${c.change}`);
        await w.announced(before);
        const log = await liveLog(w);
        console.log(`live region after "${c.unknown}" on the age (${lang}): ${JSON.stringify(log)}; focus on ${JSON.stringify(f)}`);
        assert.ok(log.some(({ text }) => text.startsWith(`${c.age}: ${c.notKnown}`)), `announced: ${JSON.stringify(log)}`);
        // The mark is undone from the keyboard: Enter on the line reopens the question.
        await page.keyboard.press('Enter');
        await settle(page);
        const back = await focused(w);
        assert.equal(back?.name, 'ageYears', `after reopening, focus is on ${JSON.stringify(back)}`);
        // Start over: focus on the first question.
        await w.host.locator('.actions button').click();
        await settle(page);
        assert.equal((await focused(w))?.name, 'ageYears', JSON.stringify(await focused(w)));
        // To the answer: focus on the answer.
        await w.host.locator('.bar button').click();
        await settle(page);
        assert.equal((await focused(w))?.tag, 'section', JSON.stringify(await focused(w)));
      });
    });

    it(`${lang}: retyping the age "45" in a filled form speaks no intermediate verdict`, { timeout }, async () => {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page, context }) => {
        const w = await openWidget(page, server, { lang, jurisdiction: c.input.jurisdiction }, { paste: true });
        await w.fill(c.input);
        assert.equal(await w.headline(), c.verdict);
        await recordLive(w);
        const before = await w.settledCount();
        // Answered, the age is folded: a tap on its line reopens it, focus in the field.
        await w.reopen('ageYears');
        const age = w.control('ageYears').first();
        await age.click();
        await age.press('ControlOrMeta+a');
        await age.press('Delete');
        // A person's pace: a key every 250 ms, then Tab.
        await age.pressSequentially('45', { delay: 250 });
        await age.press('Tab');
        await w.announced(before);
        const log = await liveLog(w);
        context.__log = log;
        console.log(`live region while retyping "45" (${lang}): ${JSON.stringify(log)}`);
        for (const { text } of log) {
          assert.ok(text === '' || text.startsWith(c.verdict),
            `the live region said "${text}" while the age was retyped; log: ${JSON.stringify(log)}`);
        }
      });
    });

    it(`${lang}: an invalid entry is announced once it settles, in the widget's language`, { timeout }, async () => {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page }) => {
        const w = await openWidget(page, server, { lang, jurisdiction: c.input.jurisdiction }, { paste: true });
        await recordLive(w);
        const before = await w.settledCount();
        const age = w.control('ageYears').first();
        await age.click();
        await age.pressSequentially('abc', { delay: 100 });
        await age.press('Tab');
        await w.announced(before);
        const log = await liveLog(w);
        console.log(`live region after "abc" (${lang}): ${JSON.stringify(log)}`);
        assert.ok(log.some(({ text }) => text.startsWith(`${c.age}: ${c.error}`)), `no error announced: ${JSON.stringify(log)}`);
        // The error comes first in the field's description.
        const described = await age.evaluate((input) => {
          const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
          return ids.map((id) => input.getRootNode().getElementById(id)?.textContent.trim() ?? '');
        });
        assert.ok(described[0]?.includes(c.error), `aria-describedby reads: ${JSON.stringify(described)}`);
      });
    });
  }
});
