// What the widget shows from data/blincyto.toml, read from the file itself (smol-toml), and the
// dataset's dates (the currency notice) computed here, independently of the widget's Rust.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { ROOT } from './paths.mjs';

/**
 * { definitions: [{ id, fields, hint: {sv,nb,en}, text }], notes: [{ id, text }],
 *   quotes: [{ source, id, text }], sources: { id: { lang, url, title, publisher } }, sites: [url] }:
 * notes are the dataset's own, then each jurisdiction's, in file order.
 */
export async function readDataset() {
  const data = parse(await readFile(join(ROOT, 'data', 'blincyto.toml'), 'utf8'));
  const sources = data.source ?? [];
  const jurisdictions = data.jurisdiction ?? [];
  return {
    definitions: (data.definition ?? []).map(({ id, fields, hint, text }) => ({ id, fields, hint: hint ?? null, text: text ?? null })),
    notes: [...(data.note ?? []), ...jurisdictions.flatMap((j) => j.note ?? [])].map(({ id, text }) => ({ id, text })),
    quotes: sources.flatMap((s) => (s.quote ?? []).map(({ id, text }) => ({ source: s.id, id, text }))),
    sources: Object.fromEntries(sources.map(({ id, lang, url, title, publisher }) => [id, { lang, url, title, publisher }])),
    sites: jurisdictions.map((j) => j.url),
  };
}

/** `YYYY-MM-DD` plus `n` calendar months; a day the month lacks becomes its last (01-31 + 1 → 02-28). */
export function addMonths(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `n` days. */
export function addDays(iso, n) {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** The widget's languages' way of writing a dataset date (as the answer shows it). */
export function formatDate(lang, iso) {
  const [y, m, d] = iso.split('-');
  if (lang === 'nb') return `${d}.${m}.${y}`;
  if (lang === 'en') return `${Number(d)} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}`;
  return iso;
}
