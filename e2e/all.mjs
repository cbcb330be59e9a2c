// Runs every e2e spec, one after the other, each in its own Node process, and sums up.
//
//   node e2e/all.mjs                       every spec
//   node e2e/all.mjs form a11y             only these
//   node e2e/all.mjs -- --cases 20000      extra arguments after -- go to every spec (fuzz reads them)
//
// Prints each spec's output, then one line per spec and the final line
// `e2e-all: N passed, M failed` (tests summed over the specs); exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SPECS = ['form', 'a11y', 'robust', 'fuzz'];

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const names = (dash < 0 ? argv : argv.slice(0, dash)).filter((a) => !a.startsWith('-'));
const extra = dash < 0 ? [] : argv.slice(dash + 1);
const unknown = names.filter((n) => !SPECS.includes(n));
if (unknown.length) {
  console.error(`e2e-all: unknown spec(s) ${unknown.join(', ')}; known: ${SPECS.join(', ')}`);
  process.exit(2);
}

function run(name) {
  return new Promise((done) => {
    const t0 = Date.now();
    let tail = '';
    const child = spawn(process.execPath, [join(HERE, `${name}.spec.mjs`), ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk).slice(-2000);
    });
    child.on('close', (code, signal) => {
      const m = tail.match(new RegExp(`e2e-${name}: (\\d+) passed, (\\d+) failed\\s*$`));
      const passed = m ? Number(m[1]) : 0;
      // A spec that died without its summary line counts as one failure.
      const failed = m ? Number(m[2]) : 1;
      done({ name, passed, failed: code === 0 ? failed : Math.max(failed, 1), code: code ?? signal, seconds: (Date.now() - t0) / 1000 });
    });
  });
}

const results = [];
for (const name of names.length ? names : SPECS) {
  console.log(`\n=== e2e: ${name} ===`);
  results.push(await run(name));
}
console.log('\n=== e2e: summary ===');
for (const r of results) {
  console.log(`${r.failed ? 'FAIL' : 'ok  '} ${r.name.padEnd(7)} ${String(r.passed).padStart(3)} passed, ${r.failed} failed  (${r.seconds.toFixed(1)} s${r.code ? `, exit ${r.code}` : ''})`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`e2e-all: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
