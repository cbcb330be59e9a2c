// Taps to an answer and scroll distance, for every valid public example at 768×1024 and 360×740,
// walked as a person does (e2e/lib.mjs `walk`): one tap per answer or "not known", one more when
// the Sweden/Norway switch has to change; the scroll is what it takes to bring each next question
// into sight and, at the end, the verdict; and at every step after the first answer, how far below
// the widget's top the next question starts. Prints a Markdown table for the README.
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
    const middle = (v) => { const sorted = [...v].sort((a, b) => a - b); return sorted[Math.floor(sorted.length / 2)]; };
    const median = (k) => middle(per.map((r) => r[k]));
    const depths = per.flatMap((r) => r.depths);
    rows.push({ label, size: `${viewport.width}×${viewport.height}`, n: per.length, taps: sum('taps'), tapsMedian: median('taps'),
      scroll: sum('scroll'), scrollMedian: median('scroll'), scrollMax: Math.max(...per.map((r) => r.scroll)),
      zero: per.filter((r) => r.scroll === 0).length, open: Math.max(...per.map((r) => r.open)),
      depthMedian: middle(depths), depthMax: Math.max(...depths), steps: depths.length });
  }
  await server.close();
}
await browser.close();

console.log(`| build | viewport | examples | taps (all; median) | scroll, css px (all; median; most) | examples with no scroll | most open questions at once | next question below the widget's top, css px (median; most; steps) |`);
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.size} | ${r.n} | ${r.taps}; ${r.tapsMedian} | ${r.scroll}; ${r.scrollMedian}; ${r.scrollMax} | ${r.zero} | ${r.open} | ${r.depthMedian}; ${r.depthMax}; ${r.steps} |`);
}
