// Taps to an answer and scroll distance, for every valid public example at 768×1024 and 360×740,
// walked as a person does (e2e/lib.mjs `walk`): one tap per answer or "not known", one more when
// the Sweden/Norway switch has to change; the scroll is what it takes to bring each next question
// into sight and, at the end, the verdict. Prints a Markdown table for the README.
//
//   node e2e/measure-flow.mjs [--baseline DIR]   (DIR: an older build's dist/, measured in the same run)
import { parseArgs } from 'node:util';
import { startServer, launch, openWidget, validExamples, walk, DIST, VIEWPORTS } from './lib.mjs';

const { values } = parseArgs({ options: { baseline: { type: 'string' } } });
const examples = await validExamples();
const browser = await launch();
const builds = [...(values.baseline ? [['before', values.baseline]] : []), ['now', DIST]];

const rows = [];
for (const [label, dist] of builds) {
  const server = await startServer({ dist });
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    const per = [];
    for (const example of examples) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const w = await openWidget(page, server, { lang: 'sv', jurisdiction: 'se' }, { paste: true });
      const r = await walk(w, example.input);
      const verdict = await w.verdict();
      if (verdict !== example.expect.verdict) console.error(`${label} ${size} ${example.name}: ${verdict}, expected ${example.expect.verdict}`);
      per.push(r);
      await context.close();
    }
    const sum = (k) => per.reduce((a, r) => a + r[k], 0);
    const median = (k) => { const v = per.map((r) => r[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
    rows.push({ label, size: `${viewport.width}×${viewport.height}`, n: per.length, taps: sum('taps'), tapsMedian: median('taps'),
      scroll: sum('scroll'), scrollMedian: median('scroll'), scrollMax: Math.max(...per.map((r) => r.scroll)),
      zero: per.filter((r) => r.scroll === 0).length, open: Math.max(...per.map((r) => r.open)) });
  }
  await server.close();
}
await browser.close();

console.log(`| build | viewport | examples | taps (all; median) | scroll, css px (all; median; most) | examples with no scroll | most open questions at once |`);
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.size} | ${r.n} | ${r.taps}; ${r.tapsMedian} | ${r.scroll}; ${r.scrollMedian}; ${r.scrollMax} | ${r.zero} | ${r.open} |`);
}
