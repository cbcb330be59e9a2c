#!/usr/bin/env node
// The packaging step of ./scripts/release.sh: dist/ (already built) → release/blincyto-checker-<version>/.
// Prints the folder's path as its last line. Environment: RELEASE_DIR (default release/), E2E_DIST
// (the build to package, default dist/).
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir, rm, copyFile, readdir, stat } from 'node:fs/promises';
import { join, resolve, relative, dirname, sep } from 'node:path';
import { ROOT, releaseVersion, precached } from './release-info.mjs';

const DIST = resolve(process.env.E2E_DIST ?? join(ROOT, 'dist'));
const { version, crate, dataset, asOf, section } = await releaseVersion();
const name = 'blincyto-checker';
const out = join(resolve(process.env.RELEASE_DIR ?? join(ROOT, 'release')), `${name}-${version}`);

const MODULES = ['blincyto-checker.js', 'blincyto-checker-core.js', 'blincyto-checker-core_bg.wasm'];
const changes = `docs/changes/${dataset}.md`;
await rm(out, { recursive: true, force: true });
await mkdir(join(out, 'docs', 'changes'), { recursive: true });
for (const f of MODULES) {
  await copyFile(join(DIST, f), join(out, f)).catch((e) => {
    throw new Error(`package: ${join(DIST, f)} is missing: build first (trunk build --release --offline): ${e.message}`);
  });
}
// The installable offline page (app.html, docs/app.md): the built sw.js, stamped with this version,
// and what it precaches besides the modules.
const APP = ['sw.js', ...precached(await readFile(join(DIST, 'sw.js'), 'utf8').catch(() => {
  throw new Error(`package: ${join(DIST, 'sw.js')} is missing: build first (trunk build --release --offline)`);
})).filter((f) => !MODULES.includes(f))];
for (const f of APP) {
  await mkdir(dirname(join(out, f)), { recursive: true });
  await copyFile(join(DIST, f), join(out, f));
}
await copyFile(join(ROOT, 'www', 'blincyto-checker.d.ts'), join(out, 'blincyto-checker.d.ts'));
await copyFile(join(ROOT, 'custom-elements.json'), join(out, 'custom-elements.json'));
await copyFile(join(ROOT, 'docs', 'decision-table.md'), join(out, 'docs', 'decision-table.md'));
await copyFile(join(ROOT, changes), join(out, changes)).catch(() => {
  throw new Error(`package: no change report ${changes} for dataset version ${dataset} (see the README's "Updating the dataset")`);
});

const pkg = {
  name,
  version,
  description: section.match(/^description = "([^"]+)"/m)[1],
  license: section.match(/^license = "([^"]+)"/m)[1],
  type: 'module',
  // Importing the module registers <blincyto-checker>: a bundler must keep it.
  sideEffects: ['./blincyto-checker.js'],
  exports: {
    '.': { types: './blincyto-checker.d.ts', default: './blincyto-checker.js' },
    './blincyto-checker.js': { types: './blincyto-checker.d.ts', default: './blincyto-checker.js' },
    './blincyto-checker-core.js': './blincyto-checker-core.js',
    './blincyto-checker-core_bg.wasm': './blincyto-checker-core_bg.wasm',
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  module: './blincyto-checker.js',
  types: './blincyto-checker.d.ts',
  customElements: 'custom-elements.json',
  files: [...MODULES, ...APP, 'blincyto-checker.d.ts', 'custom-elements.json', 'docs/', 'SHA256SUMS'],
  blincyto: { dataset, asOf, crate },
};
await writeFile(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
await writeFile(join(out, 'README.md'), `# blincyto-checker ${version}

Can I use Blincyto (blinatumomab) for this patient, here? \`<blincyto-checker>\` and \`evaluate()\`,
under the Swedish (NT-rådet) and Norwegian (Nye metoder) recommendations. Dataset version
${dataset} (latest source ${asOf}): what it decides is in \`docs/decision-table.md\`, what changed
in \`${changes}\`.

Either copy the three module files (side by side, names unchanged) to a web server and load
\`blincyto-checker.js\` with \`<script type="module">\`, or install this package
(\`npm install ./blincyto-checker-${version}.tgz\`) and have the build pipeline copy the same three
files; \`import { evaluate } from 'blincyto-checker'\` is typed by \`blincyto-checker.d.ts\`.
\`app.html\` is the widget alone as a page a tablet can add to its home screen and use offline
(with \`sw.js\`, \`app.css\`, \`app.js\`, \`app.webmanifest\` and \`icons/\`, beside the three module
files; serve \`sw.js\` without caching headers). \`custom-elements.json\` describes the element
for editors and Storybook. \`sha256sum -c SHA256SUMS\` checks the files.
`);

// SHA256SUMS last, over every other file (sha256sum -c reads it in the folder).
async function files(dir) {
  const all = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) all.push(...await files(p));
    else all.push(p);
  }
  return all;
}
const sums = [];
for (const f of (await files(out)).sort()) {
  const rel = relative(out, f).split(sep).join('/');
  if (rel === 'SHA256SUMS') continue;
  sums.push(`${createHash('sha256').update(await readFile(f)).digest('hex')}  ${rel}`);
}
await writeFile(join(out, 'SHA256SUMS'), `${sums.join('\n')}\n`);
const size = (await Promise.all(MODULES.map((f) => stat(join(out, f))))).reduce((n, s) => n + s.size, 0);
console.log(`package: ${name} ${version}: ${sums.length} files (modules ${(size / 1024).toFixed(1)} KiB) in`);
console.log(out);
