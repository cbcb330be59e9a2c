#!/usr/bin/env node
// Writes the release version into the built service worker of app.html (a Trunk post_build hook):
//
//   node scripts/stamp-sw.mjs <dir>     (Trunk.toml passes $TRUNK_STAGING_DIR)
//
// <dir>/sw.js gets `VERSION` (Cargo.toml's version + the dataset's, as the package is named:
// scripts/release-info.mjs) and `BUILD`, the first 8 hex digits of a SHA-256 over the files it
// precaches. Its cache is named after both: a new release, and any rebuild whose files differ
// (`trunk serve` while developing), gets a new cache and replaces the old one on the next online
// load, never serving a mix of two builds. Fails when a file the worker precaches is not in <dir>.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { releaseVersion, precached } from './release-info.mjs';

/** Stamps `dir`/sw.js with `version` (default: this repository's release version). Returns what it wrote. */
export async function stampServiceWorker(dir, version) {
  version ??= (await releaseVersion()).version;
  const file = join(dir, 'sw.js');
  const source = await readFile(file, 'utf8');
  const hash = createHash('sha256');
  for (const f of precached(source)) {
    const bytes = await readFile(join(dir, f)).catch(() => {
      throw new Error(`stamp-sw: ${join(dir, f)} is missing, and sw.js precaches it (add it to the build: www/index.html's copy links)`);
    });
    hash.update(`${f}\0${bytes.length}\0`).update(bytes);
  }
  const build = hash.digest('hex').slice(0, 8);
  let stamped = source;
  for (const [name, value] of [['VERSION', version], ['BUILD', build]]) {
    const line = new RegExp(`^const ${name} = '[^']*';$`, 'm');
    if (!line.test(stamped)) throw new Error(`stamp-sw: ${file} has no line \`const ${name} = '…';\``);
    stamped = stamped.replace(line, `const ${name} = '${value}';`);
  }
  await writeFile(file, stamped);
  return { version, build, cache: `blincyto-checker-${version}-${build}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/stamp-sw.mjs <dir>');
    process.exit(2);
  }
  const { cache } = await stampServiceWorker(dir);
  console.log(`stamp-sw: ${join(dir, 'sw.js')}: cache ${cache}`);
}
