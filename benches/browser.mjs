#!/usr/bin/env node
// The browser half of `./scripts/bench.sh` ("small and instant on a ward tablet"): what the embed
// downloads, how long the widget adds to a page load and how fast an answer updates, in headless
// Chromium with the CPU slowed down 4×. Then it writes every figure to docs/benchmarks.md.
//
//   node benches/browser.mjs [--dist dist] [--runs 11] [--updates 15] [--rate 4]
//                            [--native FILE] [--write docs/benchmarks.md] [--json FILE]
//                            [--baseline DIR] [--floor DIR] [--v8 FLAGS]
//
//   --dist     the release build to measure (default dist/; run `trunk build --release` first)
//   --runs     page loads per page kind, interleaved (default 11, at least 7; rounded up to a
//              multiple of the number of page kinds, so that each goes first equally often)
//   --updates  measured answer changes (default 15, at least 7; 3 more are warm-up)
//   --rate     CPU slowdown, Emulation.setCPUThrottlingRate (default 4)
//   --native   the output of `cargo bench --bench checker` (lines `name value unit`), for the
//              native throughput; without it that part of the report is left out
//   --write    the Markdown file whose generated block (between the BENCH markers) is replaced;
//              created when missing. `--write -` writes nothing
//   --json     also writes every raw figure as JSON
//   --baseline another release build (e.g. of an earlier commit) loaded in the same interleaved
//              runs as a third page kind, so a before/after of the load is paired run by run
//              instead of compared across runs minutes apart on a noisy machine
//   --floor    the Yew floor (benches/floor, built into target/floor/dist by scripts/bench.sh): a
//              minimal Yew widget embedded exactly like this one, measured like the baseline, to
//              show what the framework alone costs here; reported in a section of its own
//              ("The floor"). Either, both or neither of --baseline and --floor: each is a
//              comparison build, served at /bench-<key>/embed.html with its files at /<key>/…,
//              a page kind of its own in the load runs (the order rotates over all kinds), three pages alternating with three of the widget
//              for the updates, and what its page downloads is recorded too
//   --v8       an experiment, not a measurement of the widget as users get it: V8 flags for
//              Chromium, without the leading dashes, comma-separated (e.g. `--v8
//              no-wasm-lazy-compilation --write -`); the report names them
//   --budget   a test, not a benchmark (./scripts/test.sh stage `size`): measures only the sizes,
//              as above, writes nothing, and exits 1 when the brotli total is over the budget in
//              FILE (JSON: { "brotliBytes": N }; benches/size-budget.json)
//
// Without --budget it asserts nothing and exits 0 whether or not a target is met (exit 1 only
// when it cannot measure at all, e.g. no widget in dist/). Needs /usr/bin/chromium (or CHROMIUM=path) and
// playwright-core in node_modules (scripts/setup.sh installs both).
//
// Method, in short (docs/benchmarks.md has the long form):
// - Pages: dist/ is served from 127.0.0.1 (the widget's page is dist/embed.html itself, the page
//   portals copy) with two kinds of page made from it: /bench/plain.html (its shell, CSP included,
//   with one native input instead of the widget) and a comparison build's
//   /bench-<key>/embed.html (dist/embed.html with that build's module), with the right MIME types
//   (application/wasm) and `Cache-Control: no-store`. Every load gets a fresh browser context
//   with the HTTP cache disabled (CDP Network.setCacheDisabled), so nothing is served from cache.
// - Sizes: the files the browser requests while loading dist/embed.html (recorded, not assumed),
//   each raw, gzip -9 and brotli quality 11 (node:zlib); the total leaves out the host page.
// - Load: an init script records performance.now() (ms since navigation start) of the first
//   moment an enabled form control (the one named ageYears, else any input/select/textarea)
//   exists in the element's open shadow root; on the plain page, the moment its input exists.
//   MutationObservers on the document and on every attached shadow root catch it at once; a
//   requestAnimationFrame loop backs them up. Overhead = widget − plain, paired run by run.
// - Update: in a loaded widget, at the start of a frame (in a requestAnimationFrame callback) a
//   radio of the form is clicked (the browser fires its own input and change events); the time
//   runs until the element's data-verdict has changed and the frame showing it has been rendered
//   (a message posted from the first animation frame callback after the change runs after that
//   frame's style, layout and paint). The frame-quantised figure (until the next rAF callback
//   after the change, which includes waiting for the display's next vsync) is reported beside it.
//
// The modules: probe.mjs (the in-page probe), measure.mjs (one measurement each), steps.mjs (the
// steps of a run: measure, print, record), stats.mjs, machine.mjs, report.mjs (targets and
// docs/benchmarks.md); the static server and Chromium are the e2e suite's (e2e/lib/server.mjs,
// e2e/lib/browser.mjs).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../e2e/lib/paths.mjs';
import { serve } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';
import { machine, versions, loadAverage } from './machine.mjs';
import { measureSizes, measureComparisonSizes, measureLoads, measureUpdates, printFloor, measureJs, readNative } from './steps.mjs';
import { targetTable, writeReport } from './report.mjs';
import { bytes, kib, met } from './stats.mjs';

const { values: args } = parseArgs({
  options: Object.fromEntries(['dist', 'runs', 'updates', 'rate', 'native', 'write', 'json', 'baseline', 'floor', 'v8', 'budget']
    .map((name) => [name, { type: 'string' }])),
});
const DIST = resolve(args.dist ?? join(ROOT, 'dist'));
const RUNS = Math.max(7, Number(args.runs ?? 11));
const UPDATES = Math.max(7, Number(args.updates ?? 15));
const RATE = Number(args.rate ?? 4);
const WRITE = args.write === '-' ? null : resolve(args.write ?? join(ROOT, 'docs', 'benchmarks.md'));
/**
 * Comparison builds, measured in the same runs as the widget (see --baseline and --floor). The
 * figures of each go to out[key] ({dist, label, size, load, update}); the baseline's load and
 * update also stay where they always were (out.load.baseline, out.updateBaseline).
 */
const COMPARISONS = [
  { key: 'baseline', label: 'baseline', dir: args.baseline },
  { key: 'floor', label: 'the Yew floor', dir: args.floor },
].filter((c) => typeof c.dir === 'string').map((c) => ({ ...c, dir: resolve(c.dir) }));
const V8_FLAGS = (args.v8 ?? '').split(',').filter(Boolean).map((f) => `--${f.replace(/^-+/, '')}`);

/** Whether `dir` holds a widget build (its module, and a core that exports mountWidget). */
const built = (dir) => existsSync(join(dir, 'blincyto-checker.js')) && existsSync(join(dir, 'blincyto-checker-core.js'))
  && /mountWidget/.test(readFileSync(join(dir, 'blincyto-checker-core.js'), 'utf8'));

/**
 * `text` with `pattern` replaced by `by`; fails when `pattern` is not there (dist/embed.html
 * changed shape, and the page made from it would not be what the report says).
 */
function replaced(text, pattern, by) {
  if (!text.match(pattern)) throw new Error(`dist/embed.html has no ${pattern}: the benchmark pages cannot be made from it`);
  return text.replace(pattern, by);
}

/**
 * dist/ at / (the widget's page is its embed.html, the page portals copy); the baseline page
 * /bench/plain.html: embed.html's shell (its head and CSP) with one native input in place of the
 * widget ("interactive" = the input exists); each comparison build at /<key>/ and its page
 * (embed.html with that build's module) at /bench-<key>/embed.html.
 */
async function startServer() {
  const embed = await readFile(join(DIST, 'embed.html'), 'utf8');
  const plain = replaced(replaced(embed, /<title>[^<]*<\/title>/, '<title>Benchmark baseline – a plain page with one input</title>'),
    /<body>[\s\S]*<\/body>/, `<body>
  <form>
    <label for="age">Ålder (år)</label>
    <input id="age" name="ageYears" type="text" inputmode="decimal">
  </form>
</body>`);
  const comparisonPage = (key) => replaced(embed, 'src="blincyto-checker.js"', `src="/${key}/blincyto-checker.js"`);
  return serve({
    root: DIST,
    mounts: Object.fromEntries(COMPARISONS.map((c) => [`/${c.key}/`, c.dir])),
    pages: {
      '/bench/plain.html': () => plain,
      ...Object.fromEntries(COMPARISONS.map((c) => [`/bench-${c.key}/embed.html`, () => comparisonPage(c.key)])),
    },
  });
}

/** The size budget (--budget FILE): sets exit code 1 when what the embed downloads is over it. */
function checkBudget(file, { total, failed }) {
  const budget = JSON.parse(readFileSync(resolve(file), 'utf8')).brotliBytes;
  if (!Number.isInteger(budget) || budget <= 0) throw new Error(`${file}: no "brotliBytes" (a positive integer)`);
  const over = total.brotli > budget || failed.length > 0;
  console.log(`size: ${bytes(total.brotli)} bytes brotli (${kib(total.brotli)}), budget ${bytes(budget)} bytes (${kib(budget)}, ${relative(ROOT, resolve(file))}): `
    + `${over ? `OVER by ${bytes(total.brotli - budget)} bytes` : `${bytes(budget - total.brotli)} bytes to spare`}`);
  if (over) process.exitCode = 1;
}

async function main() {
  if (!existsSync(join(DIST, 'embed.html'))) throw new Error(`${relative(ROOT, join(DIST, 'embed.html'))} is missing: run trunk build --release --offline first`);
  if (!built(DIST)) throw new Error(`${relative(ROOT, DIST) || '.'} has no widget yet (blincyto-checker.js, and mountWidget in blincyto-checker-core.js): nothing to load`);
  for (const c of COMPARISONS) {
    if (!built(c.dir)) throw new Error(`--${c.key} ${c.dir}: no widget build there (blincyto-checker.js, and mountWidget in blincyto-checker-core.js)`);
  }
  const server = await startServer();
  const browser = await launch({ extraArgs: V8_FLAGS.length ? [`--js-flags=${V8_FLAGS.join(' ')}`] : [] });
  const out = { date: new Date().toISOString(), rate: RATE, runs: RUNS, updates: UPDATES, dist: relative(ROOT, DIST) || '.' };
  out.comparisons = COMPARISONS.map(({ key, label, dir }) => ({ key, label, dist: relative(ROOT, dir) }));
  for (const c of out.comparisons) out[c.key] = { dist: c.dist, label: c.label };
  if (V8_FLAGS.length) {
    out.v8Flags = V8_FLAGS;
    console.log(`bench: EXPERIMENT with V8 flags ${V8_FLAGS.join(' ')}: not the browser users have`);
  }
  const run = { browser, base: server.base, rate: RATE, runs: RUNS, count: UPDATES, comparisons: COMPARISONS };
  try {
    out.machine = machine();
    out.versions = versions(browser, ROOT);
    const downloaded = await measureSizes(run, out);
    if (args.budget !== undefined) return checkBudget(args.budget, downloaded);
    await measureComparisonSizes(run, out);
    await measureLoads(run, out);
    await measureUpdates(run, out);
    printFloor(out);
    await measureJs(run, out);
  } finally {
    await browser.close();
    await server.close();
  }
  out.machine.loadAverageAtEnd = loadAverage();
  if (args.native) await readNative(resolve(args.native), out);

  out.targets = targetTable(out);
  if (args.json) {
    await mkdir(dirname(resolve(args.json)), { recursive: true });
    await writeFile(resolve(args.json), JSON.stringify(out, null, 2));
  }
  if (WRITE) {
    await writeReport(WRITE, out);
    console.log(`\nbench: wrote ${relative(process.cwd(), WRITE)}`);
  }
  const summary = out.targets.map((t) => `${t.short} ${t.value} (${t.target}: ${t.ok === undefined ? 'n/a' : met(t.ok)})`).join(' · ');
  const metCount = out.targets.filter((t) => t.ok).length;
  console.log(`\nbench: SUMMARY ${metCount}/${out.targets.length} targets met — ${summary}`);
}

main().catch((e) => {
  console.error(`bench: error: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
