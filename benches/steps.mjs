// The steps of a bench run (benches/browser.mjs runs them in this order): each measures, prints
// what it measured and records it in `out` (the figures the report is written from). `run` is
// { browser, base (the server's URL), rate (CPU slowdown), runs (page loads per kind, asked),
// count (measured answer changes), comparisons ([{ key, label, dir }]: --baseline, --floor) }.
import { readFile } from 'node:fs/promises';
import { downloads, load, updates, jsThroughput, TYPICAL } from './measure.mjs';
import { parseNative } from './machine.mjs';
import { TARGETS, floorRows } from './report.mjs';
import { median, stats, ms, kib, dkib, bytes, met, si } from './stats.mjs';

/** 1. What the embed downloads (dist/embed.html, recorded from the network). Returns it. */
export async function measureSizes({ browser, base }, out) {
  process.stdout.write(`bench: recording what ${out.dist}/embed.html downloads…\n`);
  const dl = await downloads(browser, base);
  const { total } = dl;
  console.log(`\nbench: what the embed downloads (recorded loading ${out.dist}/embed.html)`);
  console.log(`  ${'file'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli 11'.padStart(10)}`);
  for (const f of dl.files) {
    const note = f.hostPage ? '  (host page, not counted)' : f.status !== 200 ? `  (HTTP ${f.status}, not counted)` : '';
    console.log(`  ${f.path.padEnd(34)} ${bytes(f.raw).padStart(10)} ${bytes(f.gzip).padStart(10)} ${bytes(f.brotli).padStart(10)}${note}`);
  }
  console.log(`  ${'total (embed)'.padEnd(34)} ${bytes(total.raw).padStart(10)} ${bytes(total.gzip).padStart(10)} ${bytes(total.brotli).padStart(10)}`
    + `   = ${kib(total.brotli)} brotli (target ≤ ${kib(TARGETS.brotliTotalBytes)}: ${met(total.brotli <= TARGETS.brotliTotalBytes)})`);
  if (dl.failed.length) console.log(`  failed requests: ${dl.failed.join(', ')}`);
  out.size = { files: dl.files, failed: dl.failed, total };
  return dl;
}

/** 1b. What each comparison build's page downloads. */
export async function measureComparisonSizes({ browser, base }, out) {
  const { total } = out.size;
  for (const c of out.comparisons) {
    const d = await downloads(browser, base, `/bench-${c.key}/embed.html`);
    out[c.key].size = { files: d.files, failed: d.failed, total: d.total };
    console.log(`  ${c.label} (${c.dist}): ${bytes(d.total.raw)} raw, ${bytes(d.total.gzip)} gzip, ${bytes(d.total.brotli)} brotli`
      + ` = ${kib(d.total.brotli)}; this build − ${c.label}: ${dkib(total.brotli - d.total.brotli)} brotli`
      + `${d.failed.length ? `; failed requests: ${d.failed.join(', ')}` : ''}`);
  }
}

/** 2. Load overhead: one warm-up load each, then interleaved, rotating which goes first. */
export async function measureLoads({ browser, base, rate, runs: runsAsked, comparisons }, out) {
  const urls = { widget: `${base}/embed.html`, plain: `${base}/bench/plain.html` };
  for (const c of comparisons) urls[c.key] = `${base}/bench-${c.key}/embed.html`;
  const kinds = Object.keys(urls);
  // --runs rounded up to a multiple of the page kinds, so that the rotation is complete.
  const runs = Math.ceil(runsAsked / kinds.length) * kinds.length;
  out.runs = runs;
  console.log(`\nbench: page loads at ${rate}× CPU slowdown, ${runs} each, interleaved…`);
  for (const kind of kinds) await load(browser, urls[kind], rate);
  const loads = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    // The order rotates: each kind goes first, second, … equally often.
    const order = [...kinds.slice(i % kinds.length), ...kinds.slice(0, i % kinds.length)];
    for (const kind of order) loads[kind].push(await load(browser, urls[kind], rate));
    const w = loads.widget[i].interactive;
    const p = loads.plain[i].interactive;
    const b = comparisons.map((c) => `  ${c.key} ${ms(loads[c.key][i].interactive).padStart(9)} (overhead ${ms(loads[c.key][i].interactive - p).padStart(9)})`).join('');
    console.log(`  run ${String(i + 1).padStart(2)}: widget ${ms(w).padStart(9)}  plain ${ms(p).padStart(9)}  overhead ${ms(w - p).padStart(9)}${b}`);
  }
  const widgetTimes = loads.widget.map((r) => r.interactive);
  const plainTimes = loads.plain.map((r) => r.interactive);
  const overheads = loads.widget.map((r, i) => r.interactive - loads.plain[i].interactive);
  const wasmEnd = loads.widget.map((r) => Math.max(...r.resources.filter((x) => x.name.endsWith('.wasm')).map((x) => x.responseEnd)));
  out.load = {
    widget: stats(widgetTimes),
    plain: stats(plainTimes),
    overhead: stats(overheads),
    medianDifference: median(widgetTimes) - median(plainTimes),
    breakdown: {
      wasmResponseEnd: median(wasmEnd),
      defined: median(loads.widget.map((r) => r.defined)),
      shadowAttached: median(loads.widget.map((r) => r.shadowAttached)),
      interactive: median(widgetTimes),
      painted: median(loads.widget.map((r) => r.painted)),
      answer: median(loads.widget.map((r) => r.answer)),
      answerPainted: median(loads.widget.map((r) => r.answerPainted)),
      plainPainted: median(loads.plain.map((r) => r.painted)),
    },
    // Main-thread work until the form and the answer were painted (Performance.getMetrics,
    // medians, throttled ms).
    main: Object.fromEntries(['script', 'style', 'layout', 'task'].map((k) => [k, {
      widget: median(loads.widget.map((r) => r.main[k])), plain: median(loads.plain.map((r) => r.main[k])),
    }])),
    control: loads.widget[0].control,
    kinds,
    raw: loads,
  };
  const o = out.load.overhead;
  console.log(`  widget interactive: min ${ms(out.load.widget.min)}, median ${ms(out.load.widget.median)}, max ${ms(out.load.widget.max)} (${out.load.control})`);
  console.log(`  plain input:        min ${ms(out.load.plain.min)}, median ${ms(out.load.plain.median)}, max ${ms(out.load.plain.max)}`);
  console.log(`  load overhead:      min ${ms(o.min)}, median ${ms(o.median)}, max ${ms(o.max)} (the target is the share over the Yew floor, below)`);
  for (const { key, label, dist } of out.comparisons) {
    const bl = loads[key];
    const c = (out[key].load = {
      dist,
      widget: stats(bl.map((r) => r.interactive)),
      overhead: stats(bl.map((r, i) => r.interactive - loads.plain[i].interactive)),
      // This build minus the comparison build, run by run.
      change: stats(loads.widget.map((r, i) => r.interactive - bl[i].interactive)),
      script: median(bl.map((r) => r.main.script)),
    });
    if (key === 'baseline') out.load.baseline = c;
    console.log(`  ${label} (${c.dist}): overhead median ${ms(c.overhead.median)}; this build − ${label}, paired:`
      + ` min ${ms(c.change.min)}, median ${ms(c.change.median)}, max ${ms(c.change.max)};`
      + ` script until painted ${ms(c.script)} → ${ms(median(loads.widget.map((r) => r.main.script)))}`);
  }
  const bd = out.load.breakdown;
  console.log(`  widget timeline (medians): wasm downloaded ${ms(bd.wasmResponseEnd)} → element defined ${ms(bd.defined)}`
    + ` → shadow root ${ms(bd.shadowAttached)} → form interactive ${ms(bd.interactive)} → painted ${ms(bd.painted)}`
    + ` → answer shown ${ms(bd.answer)} → painted ${ms(bd.answerPainted)}`);
  const mt = out.load.main;
  console.log(`  main thread until form and answer painted (medians, widget / plain): script ${ms(mt.script.widget)} / ${ms(mt.script.plain)},`
    + ` style ${ms(mt.style.widget)} / ${ms(mt.style.plain)}, layout ${ms(mt.layout.widget)} / ${ms(mt.layout.plain)},`
    + ` all tasks ${ms(mt.task.widget)} / ${ms(mt.task.plain)}`);
}

/** 3. Update latency: this build's, each comparison's on alternating pages, and a typical change. */
export async function measureUpdates({ browser, base, rate, count, comparisons }, out) {
  console.log(`\nbench: answer changes at ${rate}× CPU slowdown, ${count} measured…`);
  let up = await updates(browser, base, { rate, count });
  if (comparisons.length) {
    // Three pages of each build, alternating (this build, then each comparison build in turn),
    // samples pooled per build.
    const mine = [up];
    const theirs = Object.fromEntries(comparisons.map((c) => [c.key, []]));
    for (let i = 0; i < 3; i++) {
      for (const c of comparisons) theirs[c.key].push(await updates(browser, base, { rate, count, path: `/bench-${c.key}/embed.html` }));
      if (i < 2) mine.push(await updates(browser, base, { rate, count }));
    }
    const pool = (runs) => ({ ...runs[0], samples: runs.flatMap((r) => r.samples) });
    up = pool(mine);
    for (const c of comparisons) {
      const pooled = pool(theirs[c.key]);
      const b = pooled.samples;
      out[c.key].update = { onScreen: stats(b.map((x) => x.onScreen)), changed: stats(b.map((x) => x.changed)), n: b.length, elements: pooled.elements };
      if (c.key === 'baseline') out.updateBaseline = out[c.key].update;
    }
  }
  const typical = await updates(browser, base, { rate, count, scenario: TYPICAL });
  out.updateTypical = {
    control: typical.control,
    verdicts: [...new Set(typical.samples.map((x) => x.verdict))],
    onScreen: stats(typical.samples.map((x) => x.onScreen)),
    changed: stats(typical.samples.map((x) => x.changed)),
  };
  const s = up.samples;
  out.update = {
    control: up.control,
    onScreen: stats(s.map((x) => x.onScreen)),
    changed: stats(s.map((x) => x.changed)),
    nextFrame: stats(s.map((x) => x.nextFrame)),
    sameFrame: s.filter((x) => x.sameFrame).length,
    verdicts: [...new Set(s.map((x) => x.verdict))],
    perChange: up.perChange,
    elements: up.elements,
    raw: s,
  };
  const u = out.update;
  console.log(`  control: ${u.control} (verdicts ${u.verdicts.join(' ⇄ ')})`);
  console.log(`  to the verdict changed in the DOM:          min ${ms(u.changed.min)}, median ${ms(u.changed.median)}, max ${ms(u.changed.max)}`);
  console.log(`  to the frame showing it rendered:           min ${ms(u.onScreen.min)}, median ${ms(u.onScreen.median)}, max ${ms(u.onScreen.max)}`
    + ` (target ≤ ${TARGETS.updateMs} ms: ${met(u.onScreen.median <= TARGETS.updateMs)}; ${u.sameFrame}/${s.length} shown in the same frame)`);
  console.log(`  to the next rAF after it (vsync-quantised): min ${ms(u.nextFrame.min)}, median ${ms(u.nextFrame.median)}, max ${ms(u.nextFrame.max)}`);
  const ty = out.updateTypical;
  console.log(`  typical change (${ty.control}, verdicts ${ty.verdicts.join(' ⇄ ')}; informational): DOM changed median ${ms(ty.changed.median)},`
    + ` on screen median ${ms(ty.onScreen.median)} (min ${ms(ty.onScreen.min)}, max ${ms(ty.onScreen.max)})`);
  for (const { key, label } of out.comparisons) {
    const b = out[key].update;
    console.log(`  ${label} (alternating pages, ${b.n} changes): DOM changed median ${ms(b.changed.median)}, on screen median ${ms(b.onScreen.median)}`
      + ` → this build (${s.length} changes): ${ms(u.changed.median)}, ${ms(u.onScreen.median)}`);
  }
  const pc = u.perChange;
  console.log(`  main thread per change (mean): script ${ms(pc.script)}, style ${ms(pc.style)}, layout ${ms(pc.layout)}, all tasks ${ms(pc.task)}; ${u.elements} elements in the shadow root`);
}

/** The Yew floor against this build (console). */
export function printFloor(out) {
  if (out.floor) {
    console.log(`\nbench: the Yew floor (${out.floor.dist}; benches/floor: a minimal Yew widget embedded the same way), measured in the same runs`);
    console.log(`  ${'figure'.padEnd(38)} ${'floor'.padStart(10)} ${'this build'.padStart(10)} ${'difference'.padStart(11)}`);
    for (const r of floorRows(out)) console.log(`  ${r.short.padEnd(38)} ${r.floor.padStart(10)} ${r.build.padStart(10)} ${r.difference.padStart(11)}${r.note ? ` (${r.note})` : ''}`);
  }
}

/** JS evaluate() calls per second through the shipped module (unthrottled; informational). */
export async function measureJs({ browser, base }, out) {
  out.jsEvaluationsPerSecond = await jsThroughput(browser, base);
  console.log(`\nbench: JS evaluate() in Chromium (no slowdown): ${si(out.jsEvaluationsPerSecond)} calls/s`);
}

/** 4. Native throughput, from the output of `cargo bench --bench checker` in `file`. */
export async function readNative(file, out) {
  const figures = parseNative(await readFile(file, 'utf8'));
  const perExample = Object.entries(figures).filter(([k]) => k.startsWith('evaluate_example_')).map(([k, v]) => [k, v.value]);
  out.native = {
    figures,
    mixed: figures.evaluate_mixed?.value,
    slowestExample: perExample.length ? Math.min(...perExample.map(([, v]) => v)) : undefined,
    spaceInputs: figures.complete_space_inputs?.value,
    spaceSeconds: figures.complete_space_seconds?.value,
  };
  const n = out.native;
  console.log('\nbench: native (cargo bench --bench checker)');
  console.log(`  evaluate(), mixed examples: ${si(n.mixed)} /s; slowest example ${si(n.slowestExample)} /s`
    + ` (target ≥ 1 M/s: ${met(n.mixed >= TARGETS.evaluationsPerSecond)})`);
  console.log(`  whole discretised input space: ${bytes(n.spaceInputs)} inputs in ${n.spaceSeconds?.toFixed(3)} s`
    + ` (target < ${TARGETS.spaceSeconds} s: ${met(n.spaceSeconds < TARGETS.spaceSeconds)})`);
}
