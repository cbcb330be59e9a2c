// Issue 19, item 12: the verdict bar at 360×740 says its words in at most two lines, in sv, nb
// and en, and never breaks a word. Every valid public example (and one that ends in "not yes"
// with nothing left to ask) is walked through the form as a person does (e2e/lib.mjs `walk`);
// after the page loads and after every step (each waits for the widget's render: two animation
// frames), the bar's words are measured: a Range per word, whose client rectangles give its
// line (a word split over two lines has two), the lines counted from the words' tops. Every
// verdict must be seen in every language, and the longest words of each are reported
// (test-results/bar.json). Also: the bar's button is at least 44×44 px and keeps its name.
//
//   node --test e2e/bar.spec.mjs
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, after } from 'node:test';
import { serveAndLaunch, withPage, openWidget, validExamples, walk, VIEWPORTS, VERDICTS, LANGS, RESULTS } from './lib.mjs';

const timeout = 600_000;
const MAX_LINES = 2;
const TO_ANSWER = { sv: 'Till svaret', nb: 'Til svaret', en: 'To the answer' };

/** The bar's words as laid out: { verdict, text, lines, broken, button: { width, height, name } }. */
function measure(host) {
  return host.evaluate((el) => {
    const bar = el.shadowRoot.querySelector('[data-verdict]');
    const words = [];
    const walker = document.createTreeWalker(bar, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest('button') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        words.push({ word: m[0], rects: rects.map((r) => ({ top: r.top, bottom: r.bottom })) });
      }
    }
    // One line per distinct top (a word's box, within 2 px).
    const tops = [];
    for (const w of words) {
      for (const r of w.rects) if (!tops.some((t) => Math.abs(t - r.top) < 2)) tops.push(r.top);
    }
    const button = bar.querySelector('button');
    const b = button.getBoundingClientRect();
    return {
      verdict: bar.getAttribute('data-verdict'),
      text: words.map((w) => w.word).join(' '),
      lines: tops.length,
      broken: words.filter((w) => w.rects.length > 1).map((w) => w.word),
      button: { width: b.width, height: b.height, name: button.textContent.replace(/[\s↓]+/g, ' ').trim() },
    };
  });
}

describe('verdict bar at 360×740 (issue 19, item 12)', () => {
  let server;
  let browser;
  serveAndLaunch((s, b) => {
    server = s;
    browser = b;
  });
  const report = {};
  after(async () => {
    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, 'bar.json'), JSON.stringify(report, null, 2));
  });

  for (const lang of LANGS) {
    it(`item12: ${lang}: the longest words of every verdict in ≤ ${MAX_LINES} lines, no word broken`, { timeout }, async () => {
      const examples = await validExamples();
      const inputs = examples.map((e) => ({ name: e.name, input: e.input }));
      // Ph not known in Norway: "not yes", then nothing left to ask.
      inputs.push({ name: 'Norway, refractory adult, Ph not known', input: { jurisdiction: 'no', ageYears: 52, diagnosis: 'b-precursor-all', cd19: 'positive', diseaseStatus: 'refractory' } });
      const longest = {};
      const failures = [];
      const seen = (name, m) => {
        if (m.lines > MAX_LINES) failures.push(`${name}: "${m.text}" takes ${m.lines} lines`);
        if (m.broken.length) failures.push(`${name}: "${m.text}" breaks ${m.broken.map((w) => `"${w}"`).join(', ')} across lines`);
        if (m.button.width < 44 || m.button.height < 44) failures.push(`${name}: the bar's button is ${m.button.width}×${m.button.height} px`);
        if (m.button.name !== TO_ANSWER[lang]) failures.push(`${name}: the bar's button is named "${m.button.name}"`);
        const best = longest[m.verdict];
        if (!best || m.text.length > best.text.length) longest[m.verdict] = { text: m.text, lines: m.lines, example: name };
      };
      for (const { name, input } of inputs) {
        await withPage(browser, { viewport: VIEWPORTS.phone }, async ({ page }) => {
          const w = await openWidget(page, server, { lang, jurisdiction: 'se' }, { paste: true });
          seen(`${name} (start)`, await measure(w.host));
          await walk(w, input, { onStep: async ({ name: field }) => seen(`${name} (after ${field})`, await measure(w.host)) });
        });
      }
      report[lang] = longest;
      assert.deepEqual(VERDICTS.filter((v) => !longest[v]), [], `verdicts never seen on the bar in ${lang}`);
      assert.ok(failures.length === 0, `${failures.length} bar states fail:\n${[...new Set(failures)].slice(0, 30).join('\n')}\nlongest per verdict: ${JSON.stringify(longest, null, 1)}`);
    });
  }
});
