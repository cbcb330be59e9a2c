// Fuzzes the JS API `evaluate()` of dist/blincyto-checker.js in headless Chromium with random
// JSON-like values from a fixed seed: wrong types, huge and negative numbers, NaN/Infinity/-0,
// nested objects and arrays, long strings, unknown keys, null/undefined, non-object inputs.
//
//   node --test e2e/fuzz.spec.mjs                                          3000 cases, seed 20250716
//   E2E_FUZZ_ARGS='--cases 200000 --seed 7' node --test e2e/fuzz.spec.mjs   a longer run
//
// `node --test` keeps the command line to itself (it takes every argument as a file to run), so
// the options come in E2E_FUZZ_ARGS, read with util.parseArgs (unknown options are an error).
// Run as a plain script (`node e2e/fuzz.spec.mjs --cases 200000`), the command line works too.
//
// Each call must return a result whose `verdict` is one of the seven (and `missing` an array), or
// throw an Error whose message names one of the input's keys or the word "input" — never a wasm
// trap (RuntimeError, "unreachable") — and the module must keep working (a known-good example is
// checked after every batch). A reference reading of the contract predicts which of the two it must
// be for JSON-like input; a decided verdict must not change when a missing field is filled in.
import assert from 'node:assert/strict';
import { describe, it, after } from 'node:test';
import { parseArgs } from 'node:util';
import {
  serveAndLaunch,
  withPage, validExamples, VERDICTS, FIELDS,
} from './lib.mjs';

/** `--cases N --seed S` from E2E_FUZZ_ARGS, else from the command line of a plain `node` run. */
function options() {
  const env = process.env.E2E_FUZZ_ARGS?.trim();
  const { values } = parseArgs({
    args: env ? env.split(/\s+/) : process.argv.slice(2),
    options: { cases: { type: 'string', default: '3000' }, seed: { type: 'string', default: '20250716' } },
    strict: true,
    allowPositionals: false,
  });
  const cases = Number(values.cases);
  const seed = Number(values.seed);
  if (!Number.isInteger(cases) || cases < 1) throw new TypeError(`fuzz: --cases must be a whole number ≥ 1, not ${JSON.stringify(values.cases)}`);
  if (!Number.isInteger(seed)) throw new TypeError(`fuzz: --seed must be a whole number, not ${JSON.stringify(values.seed)}`);
  return { cases, seed };
}

const { cases: CASES, seed: SEED } = options();
/** Per test: two minutes, or 50 ms a case for a longer run (a case takes about 0.3 ms). */
const timeout = Math.max(120_000, CASES * 50);
const examples = await validExamples();

/** Runs inside the page: generates, calls, judges. Self-contained (no closure). */
async function fuzzInPage({ seed, cases, fields, verdicts, examples, batch }) {
  const { evaluate } = await import('/blincyto-checker.js');

  // --- deterministic randomness (mulberry32) ---
  let state = seed >>> 0;
  const rnd = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(rnd() * n);
  const pick = (a) => a[int(a.length)];
  const chance = (p) => rnd() < p;

  // --- the contract, read independently of the implementation ---
  const ENUMS = {
    jurisdiction: ['se', 'no'], diagnosis: ['b-precursor-all', 't-all', 'other'], cd19: ['positive', 'negative'],
    philadelphia: ['negative', 'positive'], diseaseStatus: ['newly-diagnosed', 'relapsed', 'refractory'],
  };
  const RANGES = { ageYears: [0, 120], mrdPercent: [0, 100] };
  const COUNTS = { relapseNumber: 1, priorTherapyLines: 0, tkiFailures: 0 };
  const BOOLS = ['inRemission', 'consolidation', 'highRiskRelapse', 'priorAlloHsct', 'otherOptionsAvailable', 'plannedAlloHsct', 'monotherapy'];
  const LIMIT = 1000; // counts above this are undocumented by the contract: either outcome is accepted

  /** 'valid' | 'invalid' | 'either' for one field's value. */
  const judgeValue = (k, v) => {
    if (v === null || v === undefined) return 'valid';
    if (k in ENUMS) return typeof v === 'string' && ENUMS[k].includes(v) ? 'valid' : 'invalid';
    if (k in RANGES) return typeof v === 'number' && Number.isFinite(v) && v >= RANGES[k][0] && v <= RANGES[k][1] ? 'valid' : 'invalid';
    if (k in COUNTS) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < COUNTS[k]) return 'invalid';
      return v <= LIMIT ? 'valid' : 'either';
    }
    if (BOOLS.includes(k)) return typeof v === 'boolean' ? 'valid' : 'invalid';
    return 'invalid';
  };
  const isPlain = (x) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
    const p = Object.getPrototypeOf(x);
    return p === Object.prototype || p === null;
  };
  /** What the contract says must happen: { kind: 'verdict' } | { kind: 'error', keys } | { kind: 'either', keys } */
  const expectation = (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return { kind: 'error', keys: ['input'] };
    if (!isPlain(input)) return { kind: 'either', keys: ['input', ...Object.keys(input)] };
    const bad = [];
    const either = [];
    for (const k of Object.keys(input)) {
      if (!fields.includes(k)) {
        bad.push(k);
        continue;
      }
      const j = judgeValue(k, input[k]);
      if (j === 'invalid') bad.push(k);
      if (j === 'either') either.push(k);
    }
    // A value the contract leaves open may be rejected too: then it is the one to name.
    if (bad.length) return { kind: 'error', keys: [...bad, ...either] };
    return either.length ? { kind: 'either', keys: either } : { kind: 'verdict' };
  };
  // The implementation may clip long names in messages (40 code points); lone surrogates
  // arrive in Rust as U+FFFD.
  const clip = (k) => [...k.toWellFormed()].slice(0, 40).join('');
  const names = (msg, keys) => keys.some((k) => msg.includes(clip(k)) || (k.length > 40 && msg.includes(clip(k).slice(0, 20))));

  // --- values ---
  const validValue = (k) => {
    if (k in ENUMS) return pick(ENUMS[k]);
    if (k === 'ageYears') return pick([0, 0.02, 1 / 12, 0.5, 0.99, 1, 2, 8, 12, 17.99, 18, 34, 52, 61, 120, rnd() * 120]);
    if (k === 'mrdPercent') return pick([0, 0.001, 0.01, 0.0999, 0.1, 0.5, 5, 100, rnd() * 100]);
    if (k in COUNTS) return pick([COUNTS[k], COUNTS[k] + 1, 2, 3, 7, LIMIT]);
    if (BOOLS.includes(k)) return chance(0.5);
    return null;
  };
  const WEIRD_NUMBERS = [NaN, Infinity, -Infinity, -0, -1, -1e-9, 1e308, -1e308, 5e-324, 2 ** 53 + 2, 2 ** 32, 2 ** 31,
    Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1.5, 0.1 + 0.2, 120.0000001, 121, 100.5, 1001, 1e21, -(2 ** 63)];
  const WEIRD_STRINGS = ['', ' ', 'se ', ' se', 'SE', 'Se', 'sv', 'NO', 'b-precursor-ALL', 'true', 'false', '1', '0', '8', '0,5',
    'null', 'undefined', 'NaN', '\u0000', '\ud800', '\udfff\ud800', 'å', '🧬', 'positive\u0000', 'x'.repeat(201),
    'relapsed'.repeat(30), 'se'.padEnd(100000, ' '), '🎉'.repeat(5000), '__proto__', 'constructor', '<script>'];
  const nested = (depth) => {
    let v = chance(0.5) ? 1 : 'se';
    for (let i = 0; i < depth; i++) v = chance(0.5) ? [v] : { [pick(fields)]: v };
    return v;
  };
  const anyValue = (k) => {
    const r = rnd();
    if (r < 0.25) return validValue(k ?? pick(fields));
    if (r < 0.45) return pick(WEIRD_NUMBERS);
    if (r < 0.6) return pick(WEIRD_STRINGS);
    if (r < 0.68) return pick([true, false]);
    if (r < 0.76) return pick([null, undefined]);
    if (r < 0.84) return pick([[], [1], ['se'], [[[]]], {}, { a: 1 }, { jurisdiction: 'se' }, new Array(5)]);
    if (r < 0.9) return nested(1 + int(chance(0.1) ? 3000 : 20));
    if (r < 0.95) return validValue(pick(fields)); // a valid value of another field
    return rnd() * pick([1, 100, 1e6]) * (chance(0.5) ? -1 : 1);
  };
  const WEIRD_KEYS = ['', ' ', 'agee', 'AgeYears', 'age_years', 'ageyears', 'jurisdiction ', 'Jurisdiction', 'cd-19',
    'constructor', 'toString', 'hasOwnProperty', 'valueOf', '0', '1', '-1', '1.5', 'k'.repeat(10000), 'ålder', '🧬',
    '\ud800', 'a\u0000b', 'verdict', 'missing', 'label', 'input'];
  const anyKey = () => (chance(0.8) ? pick(fields) : pick(WEIRD_KEYS));
  const put = (o, k, v) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

  const makeInput = () => {
    const r = rnd();
    if (r < 0.3) { // a valid patient: any subset of fields with contract values
      const o = {};
      for (const k of fields) if (chance(0.55)) o[k] = validValue(k);
      return o;
    }
    if (r < 0.6) { // a public example, mutated once or thrice
      const o = { ...pick(examples) };
      for (let i = 1 + int(3); i > 0; i--) {
        const m = rnd();
        if (m < 0.45) o[pick(Object.keys(o).length ? Object.keys(o) : fields)] = anyValue();
        else if (m < 0.65) delete o[pick(Object.keys(o))];
        else if (m < 0.85) o[pick(fields)] = validValue(pick(fields));
        else put(o, chance(0.2) ? '__proto__' : anyKey(), anyValue());
      }
      return o;
    }
    if (r < 0.88) { // random object
      const o = chance(0.1) ? Object.create(null) : {};
      for (let i = int(9); i > 0; i--) put(o, chance(0.03) ? '__proto__' : anyKey(), anyValue());
      return o;
    }
    // not an object
    return pick([0, 1, -0, NaN, Infinity, '', 'se', '{"jurisdiction":"se"}', true, false, null, undefined,
      [], [{ jurisdiction: 'se' }], ['jurisdiction', 'se'], JSON.stringify(pick(examples))]);
  };

  // --- reading a case for a failure report ---
  const describe = (v, depth = 0) => {
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'string') return v.length > 60 ? `${JSON.stringify(v.slice(0, 20))}…(${v.length} chars)` : JSON.stringify(v);
    if (v === undefined) return 'undefined';
    if (typeof v !== 'object' || v === null) return String(v);
    if (depth > 3) return Array.isArray(v) ? '[…]' : '{…}';
    if (Array.isArray(v)) return `[${[...v.slice(0, 5)].map((x) => describe(x, depth + 1)).join(', ')}${v.length > 5 ? ', …' : ''}]`;
    return `{${Object.keys(v).slice(0, 20).map((k) => `${describe(k)}: ${describe(v[k], depth + 1)}`).join(', ')}}`;
  };

  const KNOWN_GOOD = examples[0];
  const knownGoodVerdict = evaluate(KNOWN_GOOD).verdict;
  const INDICATIONS = ['adult-relapsed-refractory', 'adult-mrd-positive', 'adult-newly-diagnosed-consolidation',
    'paediatric-high-risk-first-relapse', 'paediatric-relapsed-refractory'];
  const DECIDED_ON_LABEL = ['yes', 'yes-with-conditions', 'pending', 'no-recommendation', 'no'];

  /** Problems with a returned result, [] if none. */
  const resultProblems = (r) => {
    const p = [];
    if (!r || typeof r !== 'object') return [`returned ${describe(r)}`];
    if (!verdicts.includes(r.verdict)) p.push(`verdict ${describe(r.verdict)}`);
    if (!Array.isArray(r.missing)) p.push(`missing is ${describe(r.missing)}`);
    else {
      if (!r.missing.every((f) => fields.includes(f))) p.push(`missing holds non-fields ${describe(r.missing)}`);
      if (r.verdict !== 'incomplete' && r.missing.length) p.push(`missing ${describe(r.missing)} with verdict ${r.verdict}`);
      if (r.verdict === 'incomplete' && !r.missing.length) p.push('incomplete with nothing missing');
    }
    const ind = r.label && r.label.indications;
    if (!Array.isArray(ind) || !ind.every((i) => INDICATIONS.includes(i))) p.push(`label.indications ${describe(ind)}`);
    else if (r.verdict === 'off-label' && ind.length) p.push(`off-label but indications ${describe(ind)}`);
    else if (DECIDED_ON_LABEL.includes(r.verdict) && !ind.length && !(Array.isArray(r.decision) && r.decision.length)) {
      // The contract: "Every verdict the checker gives must be traceable to a sentence" of a source.
      p.push(`${r.verdict} with no matching indication and no decision: the verdict cites no source (label ${describe(r.label)})`);
    }
    try {
      JSON.stringify(r);
    } catch (e) {
      p.push(`result is not JSON-serialisable: ${e}`);
    }
    return p;
  };

  const call = (input) => {
    try {
      return { result: evaluate(input) };
    } catch (e) {
      return { error: e };
    }
  };

  const failures = [];
  const stats = { verdict: 0, error: 0, either: 0, byVerdict: {}, metamorphic: 0, ms: 0 };
  const fail = (i, input, why) => {
    if (failures.length < 25) failures.push(`case ${i}: ${why}\n  input ${describe(input)}`);
    else failures.length++;
  };
  const t0 = performance.now();
  for (let i = 0; i < cases; i++) {
    const input = makeInput();
    const want = expectation(input);
    const got = call(input);
    if (got.error !== undefined) {
      const e = got.error;
      stats.error++;
      const msg = e && typeof e.message === 'string' ? e.message : '';
      if (e instanceof WebAssembly.RuntimeError || /unreachable|RuntimeError|out of bounds|recursive use|already borrowed|null pointer/i.test(msg)) {
        fail(i, input, `wasm trap / Rust panic: ${e && e.constructor && e.constructor.name}: ${msg.slice(0, 200)}`);
      } else if (!(e instanceof Error)) {
        fail(i, input, `threw a non-Error: ${describe(e)}`);
      } else if (want.kind === 'verdict') {
        fail(i, input, `threw "${msg.slice(0, 160)}" for input the contract accepts`);
      } else if (!names(msg, want.keys) && !(!isPlain(input) && /\binput\b/.test(msg))) {
        fail(i, input, `error "${msg.slice(0, 160)}" names none of ${describe(want.keys.slice(0, 5))}`);
      }
    } else {
      stats.verdict++;
      const r = got.result && typeof got.result.then === 'function' ? await got.result : got.result;
      if (want.kind === 'error') fail(i, input, `returned verdict ${describe(r && r.verdict)} for input the contract rejects (offending: ${describe(want.keys.slice(0, 5))})`);
      const problems = resultProblems(r);
      if (problems.length) fail(i, input, `bad result: ${problems.join('; ')}`);
      if (!problems.length) {
        stats.byVerdict[r.verdict] = (stats.byVerdict[r.verdict] ?? 0) + 1;
        // Same input, same answer.
        const again = call(input);
        if (again.error !== undefined || JSON.stringify(again.result) !== JSON.stringify(r)) fail(i, input, 'a second call gave a different result');
        // A decided verdict stands whatever a missing field turns out to be ("decided as early as
        // the facts allow"). monotherapy is not missing when absent: it defaults to true.
        if (want.kind === 'verdict' && r.verdict !== 'incomplete') {
          const absent = fields.filter((f) => f !== 'monotherapy' && (input[f] === undefined || input[f] === null));
          if (absent.length) {
            const f = pick(absent);
            const extended = { ...input, [f]: validValue(f) };
            const r2 = call(extended);
            stats.metamorphic++;
            if (r2.error !== undefined) fail(i, extended, `adding ${f} threw ${r2.error && r2.error.message}`);
            else if (r2.result.verdict !== r.verdict) {
              fail(i, extended, `decided verdict ${r.verdict} became ${r2.result.verdict} when ${f} was filled in`);
            }
          }
        }
      }
    }
    if (want.kind === 'either') stats.either++;
    if ((i + 1) % batch === 0 || i === cases - 1) {
      const check = call(KNOWN_GOOD);
      if (check.error !== undefined || check.result.verdict !== knownGoodVerdict) {
        fail(i, KNOWN_GOOD, `module unusable after case ${i}: ${check.error ? check.error.message : check.result.verdict}`);
        break;
      }
    }
  }
  stats.ms = Math.round(performance.now() - t0);
  return { failures, failureCount: failures.length, stats };
}

describe('fuzz', () => {
  let server;
  let browser;
  serveAndLaunch((s, b) => {
    server = s;
    browser = b;
  }, { checkDist: false });

  it(`fuzz evaluate(): ${CASES} cases, seed ${SEED}`, { timeout }, async (t) => {
    await withPage(browser, {}, async ({ page }) => {
      await page.goto(server.host({ count: 0 }));
      const out = await page.evaluate(fuzzInPage, {
        seed: SEED, cases: CASES, fields: FIELDS, verdicts: VERDICTS, examples: examples.map((e) => e.input), batch: 100,
      });
      const st = out.stats;
      t.diagnostic(`${CASES} cases in ${st.ms} ms: ${st.verdict} verdicts ${JSON.stringify(st.byVerdict)}, ${st.error} errors, ` +
        `${st.either} unspecified by the contract, ${st.metamorphic} decided verdicts re-checked with a missing field filled in`);
      assert.ok(out.failureCount === 0,
        `${out.failureCount} failing case(s) (seed ${SEED}; rerun: E2E_FUZZ_ARGS='--cases ${CASES} --seed ${SEED}' node --test e2e/fuzz.spec.mjs):\n${out.failures.join('\n')}`);
    });
  });

  it('regression (found by --seed 7): a verdict decided over an unknown disease status still cites its source', { timeout }, async () => {
    await withPage(browser, {}, async ({ page }) => {
      await page.goto(server.host({ count: 0 }));
      const input = { jurisdiction: 'se', ageYears: 34, diagnosis: 'b-precursor-all', cd19: 'positive', philadelphia: 'negative',
        inRemission: false, mrdPercent: 0, consolidation: true, plannedAlloHsct: false };
      const r = await page.evaluate(async (x) => {
        const res = (await import('/blincyto-checker.js')).evaluate(x);
        return { verdict: res.verdict, label: res.label, decision: (res.decision ?? []).length };
      }, input);
      assert.ok(r.verdict === 'incomplete' || r.label.indications.length > 0 || r.decision > 0,
        `evaluate(${JSON.stringify(input)}) gives ${r.verdict} with label ${JSON.stringify(r.label)} and ${r.decision} decisions: ` +
        'a verdict with no indication and no cited decision (contract: every verdict traceable to a source sentence)');
    });
  });

  it('non-object inputs throw an Error naming "input"', { timeout }, async () => {
    await withPage(browser, {}, async ({ page }) => {
      await page.goto(server.host({ count: 0 }));
      const bad = await page.evaluate(async () => {
        const { evaluate } = await import('/blincyto-checker.js');
        const inputs = { 'no argument': [], '0': [0], NaN: [NaN], '"se"': ['se'], 'JSON text': ['{"jurisdiction":"se"}'], true: [true],
          null: [null], undefined: [undefined], '[]': [[]], '[{…}]': [[{ jurisdiction: 'se' }]], function: [() => ({ jurisdiction: 'se' })],
          symbol: [Symbol('se')], bigint: [5n] };
        const out = [];
        for (const [label, argv] of Object.entries(inputs)) {
          try {
            const r = evaluate(...argv);
            out.push(`${label}: returned ${JSON.stringify(r && r.verdict)}`);
          } catch (e) {
            if (!(e instanceof Error) || e instanceof WebAssembly.RuntimeError || !/\binput\b/.test(e.message)) {
              out.push(`${label}: threw ${e && e.constructor && e.constructor.name} "${e && e.message}"`);
            }
          }
        }
        return out;
      });
      assert.ok(bad.length === 0, bad.join('\n'));
    });
  });

  it('non-JSON field values (BigInt, Symbol, function, Date, Map, boxed primitives) are errors naming the field', { timeout }, async () => {
    await withPage(browser, {}, async ({ page }) => {
      await page.goto(server.host({ count: 0 }));
      const bad = await page.evaluate(async () => {
        const { evaluate } = await import('/blincyto-checker.js');
        const values = { 'BigInt 5n': 5n, 'BigInt 2n**70n': 2n ** 70n, Symbol: Symbol('x'), function: () => 5, Date: new Date(0), Map: new Map(),
          'new Number(5)': new Number(5), 'new String("se")': new String('se'), 'new Boolean(true)': new Boolean(true) };
        const out = [];
        for (const field of ['ageYears', 'jurisdiction', 'relapseNumber', 'inRemission']) {
          for (const [label, v] of Object.entries(values)) {
            try {
              const r = evaluate({ jurisdiction: 'se', [field]: v });
              out.push(`${field}: ${label} → accepted (verdict ${r.verdict}, read as ${JSON.stringify(r.input && r.input[field])})`);
            } catch (e) {
              if (!(e instanceof Error) || e instanceof WebAssembly.RuntimeError) out.push(`${field}: ${label} → threw ${e}`);
              else if (!e.message.includes(field)) out.push(`${field}: ${label} → error does not name the field: "${e.message.slice(0, 90)}"`);
            }
          }
        }
        return out;
      });
      assert.ok(bad.length === 0, `contract: "wrong types … are errors" and "the message names the offending field":\n${bad.join('\n')}`);
    });
  });
});
