// Writes the measured part of docs/mutants.md from cargo-mutants' output (scripts/mutants.sh):
// per layer, between that layer's markers, the viable mutants caught and each survivor, marked
// where docs/mutants.md already explains why it is equivalent or what killed it since. The
// hand-written rest of the file, and the layers not measured in this run, are kept as they are.
//
//   node scripts/mutants-report.mjs OUT_DIR SHARD LAYER...
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [out, shard, ...layers] = process.argv.slice(2);
const DOC = 'docs/mutants.md';
const NAMES = { model: '`model/`', layers: '`src/form/`, `src/summary*`, `src/i18n*`' };
const begin = (layer) => `<!-- measured ${layer}: written by scripts/mutants.sh -->`;
const end = (layer) => `<!-- end of measured ${layer} -->`;

async function lines(layer, outcome) {
  try {
    const text = await readFile(join(out, layer, 'mutants.out', `${outcome}.txt`), 'utf8');
    return text.split('\n').filter(Boolean);
  } catch (e) {
    if (e.code === 'ENOENT') return [];
    throw e;
  }
}

/** A survivor's text without its line and column, which move with every edit. */
const key = (line) => line.replace(/^([^:]+):\d+:\d+: /, '$1: ');

let doc = await readFile(DOC, 'utf8');
const date = new Date().toISOString().slice(0, 10);
for (const layer of layers) {
  const [from, to] = [doc.indexOf(begin(layer)), doc.indexOf(end(layer))];
  if (from < 0 || to < from) throw new Error(`${DOC} lacks the markers ${begin(layer)} … ${end(layer)}`);
  const explained = doc.slice(0, from) + doc.slice(to);
  const [caught, missed, timeout, unviable] = await Promise.all(
    ['caught', 'missed', 'timeout', 'unviable'].map((o) => lines(layer, o)));
  const viable = caught.length + missed.length + timeout.length;
  const score = viable ? `${((100 * (caught.length + timeout.length)) / viable).toFixed(1)} %` : '–';
  const block = [
    begin(layer),
    `${NAMES[layer]}: measured ${date}, shard \`${shard}\` (round-robin), with the workspace tests: `
      + `**${caught.length + timeout.length} of ${viable} viable mutants caught (${score})**; `
      + `${missed.length} missed, ${timeout.length} timed out (counted as caught: the timeout is 600 s), ${unviable.length} unviable.`,
    '',
    ...(missed.length ? ['Survivors of that run:'] : []),
    ...missed.map((m) => `- \`${m}\` (${explained.includes(key(m)) ? 'see below' : '**not yet explained**'})`),
    end(layer),
  ].join('\n');
  doc = doc.slice(0, from) + block + doc.slice(to + end(layer).length);
  console.log(block);
}
await writeFile(DOC, doc);
