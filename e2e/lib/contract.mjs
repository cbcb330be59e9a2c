// The public contract's vocabulary and examples. The vocabulary is read from the JSON Schema that
// tests/types.rs generates from the Rust types (types/blincyto-checker.schema.json), so that a
// field or verdict added there reaches every spec without a second list to keep up to date.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA, SHARED } from './paths.mjs';

const { definitions } = JSON.parse(readFileSync(SCHEMA, 'utf8'));

/** The seven verdicts of the contract, in its order (`yes` … `incomplete`). */
export const VERDICTS = definitions.Verdict.enum;
/** The widget's languages (the keys every `Text` of the result carries), in its order. */
export const LANGS = definitions.Text.required;
/** The contract's input fields, in its (clinical) order. */
export const FIELDS = definitions.Field.enum;

/** Every public example of the shared contract. */
export async function loadExamples() {
  return JSON.parse(await readFile(join(SHARED, 'contract', 'examples.json'), 'utf8'));
}

/** The examples that expect a verdict (not an error), keyed by name too. */
export async function validExamples() {
  const all = (await loadExamples()).filter((c) => c.expect && c.expect.verdict !== undefined);
  return Object.assign(all, { byName: Object.fromEntries(all.map((c) => [c.name, c])) });
}

/** One example per verdict: the a11y scan drives the form to each of them. */
export const EXAMPLE_FOR_VERDICT = {
  'yes': 'adult refractory, Sweden, bridging',
  'yes-with-conditions': 'adult MRD-positive CR1, Norway',
  'pending': 'same child in Norway',
  'no-recommendation': 'adult refractory, Sweden, no transplant',
  'no': 'adult Ph-negative active relapse, Norway',
  'off-label': 'T-cell ALL is never on-label',
  'incomplete': 'child: disease status unknown',
};
