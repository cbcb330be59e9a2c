// A typed use of blincyto-checker.js, checked by `tsc --noEmit -p types` in ./scripts/test.sh
// (stage `types`). It must compile; each `@ts-expect-error` line must be an error, so the
// declarations cannot silently loosen (a line that stops being an error fails tsc too).
import { evaluate, type EvaluateInput, type EvaluateResult, type Verdict } from '../www/blincyto-checker.js';

const input: EvaluateInput = {
  jurisdiction: 'no', ageYears: 34, diagnosis: 'b-precursor-all', cd19: 'positive',
  philadelphia: 'negative', diseaseStatus: 'newly-diagnosed', inRemission: true, mrdPercent: 0.5,
  monotherapy: null,
};
const result: EvaluateResult = evaluate(input);
const verdict: Verdict = result.verdict;
const missing: string[] = result.missing;
const staleAfter: number | null = result.dataset.staleAfterMonths;
const quote: string | undefined = result.decision[0]?.quote;
const onLabel: boolean = result.label.status === 'on-label' && result.label.indications.includes('adult-mrd-positive');
console.log(verdict, missing, staleAfter, quote, onLabel, evaluate({}).verdict);

const el = document.createElement('blincyto-checker');
el.setAttribute('jurisdiction', 'se');
el.addEventListener('blincyto-assessment', (e) => {
  const v: Verdict = e.detail.verdict;
  console.log(v, e.detail.dataset.asOf);
});
document.addEventListener('blincyto-assessment', (e) => console.log(e.detail.missing.length));
const found = document.querySelector('blincyto-checker');
found?.addEventListener('blincyto-assessment', (e) => console.log(e.detail.label.status));

// The element's properties and methods.
el.jurisdiction = 'no';
el.lang = 'nb';
el.input = input;
el.input = { ageYears: 8, diagnosis: null };
const held: number | null | undefined = el.input?.ageYears;
const latest: Verdict | undefined = el.assessment?.verdict;
el.reset();
void el.updateComplete.then((done: boolean) => console.log(done, held, latest, found?.jurisdiction));

// @ts-expect-error: jurisdiction is 'se' or 'no'
el.jurisdiction = 'dk';
// @ts-expect-error: input takes the contract's fields only
el.input = { age: 34 };
// @ts-expect-error: assessment is read-only
el.assessment = null;
// @ts-expect-error: updateComplete is a Promise, not a boolean
const now: boolean = el.updateComplete;
console.log(now);

// @ts-expect-error: ages are numbers, not strings
evaluate({ ageYears: '34' });
// @ts-expect-error: an enum field takes the contract's spellings only
evaluate({ jurisdiction: 'dk' });
// @ts-expect-error: unknown fields are an error
evaluate({ age: 34 });
// @ts-expect-error: "maybe" is no verdict
const wrong: Verdict = 'maybe';
// @ts-expect-error: the event's detail is the result: it has no `answer`
el.addEventListener('blincyto-assessment', (e) => e.detail.answer);
console.log(wrong);
