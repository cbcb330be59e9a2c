// What a build is: the release version (scripts/package.mjs names the package after it, and
// scripts/stamp-sw.mjs the service worker's cache) and the files app.html's service worker keeps.
// Importing this file has no side effect.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The crate's version (Cargo.toml [package]) with the dataset's (data/blincyto.toml) as semver
 * build metadata: { version: '0.1.0+2026.12.05-1', crate, dataset, asOf, section } (`section`:
 * the [package] table's text, for its other fields).
 */
export async function releaseVersion(root = ROOT) {
  const cargo = await readFile(join(root, 'Cargo.toml'), 'utf8');
  /** The root crate's [package] table (up to the next table header). */
  const section = cargo.split(/^\[package\]$/m)[1]?.split(/^\[/m)[0] ?? '';
  const crate = section.match(/^version = "([^"]+)"/m)?.[1];
  const toml = await readFile(join(root, 'data', 'blincyto.toml'), 'utf8');
  const dataset = toml.match(/^version = "([^"]+)"/m)?.[1];
  const asOf = toml.match(/^as_of = "([^"]+)"/m)?.[1];
  if (!crate || !dataset) throw new Error('no version in Cargo.toml [package] or data/blincyto.toml');
  return { version: `${crate}+${dataset}`, crate, dataset, asOf, section };
}

/** The files app.html's service worker precaches: the `const FILES = [...]` list of sw.js's source. */
export function precached(swSource) {
  const list = swSource.match(/^const FILES = (\[[^\]]*\]);$/m)?.[1];
  if (!list) throw new Error('sw.js has no line `const FILES = [...];` (a JSON list of file names)');
  return JSON.parse(list);
}
