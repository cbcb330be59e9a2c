// Writes the measured part of docs/mutants.md from cargo-mutants' output (scripts/mutants.sh):
// per layer, the viable mutants caught, and each survivor, marked where docs/mutants.md already
// explains why it is equivalent. The hand-written rest of the file is kept as it is.
//
//   node scripts/mutants-report.mjs OUT_DIR SHARD LAYER...
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [out, shard, ...layers] = process.argv.slice(2);
const DOC = 'docs/mutants.md';
const BEGIN = '<!-- measured: written by scripts/mutants.sh -->';
const END = '<!-- end of measured -->';
const NAMES = { model: '`model/`', layers: '`src/form/`, `src/summary*`, `src/i18n*`' };

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

const doc = await readFile(DOC, 'utf8');
const [head, rest] = doc.split(BEGIN);
if (rest === undefined || !rest.includes(END)) throw new Error(`${DOC} lacks the markers ${BEGIN} … ${END}`);
const tail = rest.slice(rest.indexOf(END) + END.length);
const explained = head + tail;

const table = ['| layer | caught | missed | timeout | unviable | score (caught of viable) |', '|---|---:|---:|---:|---:|---:|'];
const survivors = [];
for (const layer of layers) {
  const [caught, missed, timeout, unviable] = await Promise.all(
    ['caught', 'missed', 'timeout', 'unviable'].map((o) => lines(layer, o)));
  const viable = caught.length + missed.length + timeout.length;
  const score = viable ? `${((100 * (caught.length + timeout.length)) / viable).toFixed(1)} %` : '–';
  table.push(`| ${NAMES[layer]} | ${caught.length} | ${missed.length} | ${timeout.length} | ${unviable.length} | ${score} |`);
  for (const m of missed) {
    const why = explained.includes(key(m)) ? 'equivalent: see below' : '**not yet explained**';
    survivors.push(`- \`${m}\` (${why})`);
  }
}

const date = new Date().toISOString().slice(0, 10);
const measured = [
  BEGIN,
  `Measured ${date}, shard \`${shard}\` (round-robin), with the workspace tests. A timeout counts as caught (an infinite loop is noticed).`,
  '',
  ...table,
  '',
  survivors.length ? 'Survivors:' : 'No survivors.',
  ...survivors,
  END,
].join('\n');
await writeFile(DOC, head + measured + tail);
console.log(measured);
