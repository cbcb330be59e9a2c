// The versioned package (./scripts/test.sh stage `release`), on Node's test runner:
//
//   node --test --test-reporter=spec e2e/package.mjs
//
// Runs the packaging step of ./scripts/release.sh (scripts/package.mjs) on the built dist/ into a
// temporary folder, then checks it as a portal would take it: `sha256sum -c SHA256SUMS` (and that
// a changed byte fails it); `npm pack` gives a tarball whose package.json has exports, types and
// customElements; `npm install --offline` of the tarball into an empty project lets Node resolve
// the module, the wasm and the manifest, tsc type-check an import of it, and Chromium run the
// installed files (an example through evaluate() and the element). The package also holds app.html
// and the files its service worker caches, the worker stamped with the package's version.
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, rm, cp, readdir, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, distStatus, startServer, launch, withPage, validExamples } from './lib.mjs';
import { precached } from '../scripts/release-info.mjs';

/** The installable page's own files (issue 23, docs/app.md); sw.js precaches them with the modules. */
const APP_FILES = ['app.html', 'app.css', 'app.js', 'app.webmanifest', 'sw.js', 'icons/icon-192.png', 'icons/icon-512.png',
  'icons/icon-maskable-512.png', 'icons/apple-touch-icon.png'];
const sh = (cmd, args, cwd, env = {}) => execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

describe('the versioned package', () => {
  let tmp;
  let folder;
  let tarball;
  let portal;

  before(async () => {
    const problem = await distStatus();
    if (problem) throw new Error(problem);
    tmp = await mkdtemp(join(tmpdir(), 'blincyto-release-'));
    const out = sh('node', [join(ROOT, 'scripts', 'package.mjs')], ROOT, { RELEASE_DIR: join(tmp, 'release') });
    folder = out.trim().split('\n').pop();
  });
  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('is named after the crate and the dataset version and holds what a portal needs', async () => {
    const crate = (await readFile(join(ROOT, 'Cargo.toml'), 'utf8')).split(/^\[package\]$/m)[1].match(/^version = "([^"]+)"/m)[1];
    const dataset = (await readFile(join(ROOT, 'data', 'blincyto.toml'), 'utf8')).match(/^version = "([^"]+)"/m)[1];
    assert.ok(folder.endsWith(`/blincyto-checker-${crate}+${dataset}`), folder);
    const names = (await readdir(folder, { recursive: true })).sort();
    for (const f of ['blincyto-checker.js', 'blincyto-checker-core.js', 'blincyto-checker-core_bg.wasm',
      'blincyto-checker.d.ts', 'custom-elements.json', 'docs/decision-table.md', `docs/changes/${dataset}.md`,
      'package.json', 'SHA256SUMS']) {
      assert.ok(names.includes(f), `${f} in ${names.join(', ')}`);
    }
    for (const f of ['blincyto-checker.js', 'blincyto-checker-core.js', 'blincyto-checker-core_bg.wasm', ...APP_FILES]) {
      assert.deepEqual(await readFile(join(folder, f)), await readFile(join(ROOT, 'dist', f)), `${f} is the build's`);
    }
  });

  it('holds the installable page app.html with everything its service worker caches, the worker stamped with the version', async () => {
    const version = folder.split('/blincyto-checker-').pop();
    const sw = await readFile(join(folder, 'sw.js'), 'utf8');
    assert.match(sw, new RegExp(`^const VERSION = '${version.replace(/[.+]/g, '\\$&')}';$`, 'm'), 'sw.js carries the package version');
    const names = (await readdir(folder, { recursive: true })).map((n) => n.split('\\').join('/'));
    for (const f of precached(sw)) assert.ok(names.includes(f), `${f}, precached by sw.js, in the package`);
  });

  it('passes sha256sum -c, and a changed byte fails it', async () => {
    const ok = sh('sha256sum', ['-c', 'SHA256SUMS'], folder);
    assert.equal(ok.trim().split('\n').filter((l) => l.endsWith(': OK')).length, ok.trim().split('\n').length);
    const copy = join(tmp, 'tampered');
    await cp(folder, copy, { recursive: true });
    const f = join(copy, 'blincyto-checker.js');
    await writeFile(f, `${await readFile(f, 'utf8')}\n`);
    assert.throws(() => sh('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], copy), /Command failed/);
  });

  it('packs with npm into a tarball whose package.json has exports, types and customElements', async () => {
    const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', tmp], folder));
    tarball = join(tmp, packed[0].filename);
    const files = packed[0].files.map((f) => f.path).sort();
    for (const f of ['blincyto-checker.js', 'blincyto-checker-core_bg.wasm', 'blincyto-checker.d.ts', 'custom-elements.json', 'SHA256SUMS', ...APP_FILES]) {
      assert.ok(files.includes(f), `${f} in the tarball`);
    }
    const pkg = JSON.parse(sh('tar', ['-xzOf', tarball, 'package/package.json'], tmp));
    assert.equal(pkg.types, './blincyto-checker.d.ts');
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.deepEqual(pkg.exports['.'], { types: './blincyto-checker.d.ts', default: './blincyto-checker.js' });
  });

  it('installs offline into a project: Node resolves it, tsc types it, Chromium runs it', async () => {
    assert.ok(tarball, 'packed first');
    portal = join(tmp, 'portal');
    await mkdir(portal);
    await writeFile(join(portal, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
    sh('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], portal);
    const installed = join(portal, 'node_modules', 'blincyto-checker');
    await writeFile(join(portal, 'resolve.mjs'), `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      console.log(JSON.stringify({
        main: import.meta.resolve('blincyto-checker'),
        wasm: import.meta.resolve('blincyto-checker/blincyto-checker-core_bg.wasm'),
        manifest: require('blincyto-checker/custom-elements.json').modules[0].declarations[0].tagName,
      }));`);
    const r = JSON.parse(sh('node', ['resolve.mjs'], portal));
    assert.ok(r.main.endsWith('/node_modules/blincyto-checker/blincyto-checker.js'), r.main);
    assert.ok(r.wasm.endsWith('/node_modules/blincyto-checker/blincyto-checker-core_bg.wasm'), r.wasm);
    assert.equal(r.manifest, 'blincyto-checker');

    await writeFile(join(portal, 'usage.ts'), `
      import { evaluate, type Verdict, type EvaluateInput } from 'blincyto-checker';
      const input: EvaluateInput = { jurisdiction: 'se', diagnosis: 't-all' };
      const verdict: Verdict = evaluate(input).verdict;
      document.querySelector('blincyto-checker')?.addEventListener('blincyto-assessment', (e) => e.detail.missing);
      // @ts-expect-error: the installed types are strict
      evaluate({ diagnosis: 'b-cell' });
      console.log(verdict);`);
    await writeFile(join(portal, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, types: [] },
      files: ['usage.ts'],
    }));
    sh(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', '.'], portal);

    const server = await startServer({ dist: installed });
    const browser = await launch();
    try {
      const example = (await validExamples()).byName['adult MRD-positive CR1, Norway'];
      await withPage(browser, {}, async ({ page }) => {
        await page.goto(server.host({ lang: 'nb', jurisdiction: 'no' }));
        await page.waitForFunction(() => document.querySelector('blincyto-checker')?.shadowRoot?.querySelector('[data-verdict]'));
        const verdict = await page.evaluate(async (input) => (await import('/blincyto-checker.js')).evaluate(input).verdict, example.input);
        assert.equal(verdict, example.expect.verdict);
      });
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
