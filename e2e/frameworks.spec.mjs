// Real framework hosts (issue 22): a React 19 app in StrictMode and a Vue 3 app, from npm,
// bundled with esbuild as an app would be (e2e/frameworks/*-app.*; `blincyto-checker` stays an
// import of the served module, as a portal copies the three module files beside its bundle).
// Each renders the element with attributes and properties from its state, takes the
// `blincyto-assessment` event into state, prefills the form through `input`, and unmounts and
// mounts the element again; no page error, no console error.
//
//   node --test e2e/frameworks.spec.mjs
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import { createRequire } from 'node:module';
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, startServer, launch, withPage, distStatus, htmlPage, VIEWPORTS } from './lib.mjs';

const require = createRequire(join(ROOT, 'noop.js'));
const esbuild = require('esbuild');
const SRC = join(ROOT, 'e2e', 'frameworks');
const OUT = join(ROOT, 'target', 'e2e-frameworks');
const timeout = 120_000;

/** The served widget module stays external: the apps import it by its package name. */
const widgetModule = {
  name: 'blincyto-checker',
  setup(build) {
    build.onResolve({ filter: /^blincyto-checker$/ }, () => ({ path: '/blincyto-checker.js', external: true }));
  },
};

async function bundle() {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [join(SRC, 'react-app.tsx'), join(SRC, 'vue-app.ts')],
    outdir: OUT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    logLevel: 'warning',
    plugins: [widgetModule],
    // Vue's build with the template compiler (the app's template compiles in the browser).
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  assert.deepEqual(result.errors, []);
  for (const framework of FRAMEWORKS) await writeFile(join(OUT, `${framework}.html`), appPage(framework));
}

const FRAMEWORKS = ['react', 'vue'];

/** The host page of `framework`'s app (its bundle, `<framework>-app.js`, mounts into #app). */
const appPage = (framework) => htmlPage({
  lang: 'sv', title: `blincyto-checker in a ${framework} app`, script: `${framework}-app.js`, body: '<main id="app"></main>',
});

describe('framework hosts', () => {
  let server;
  let browser;
  before(async () => {
    const problem = await distStatus();
    if (problem) throw new Error(problem);
    await bundle();
    server = await startServer({ mounts: { '/__e2e__/frameworks/': OUT } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const framework of FRAMEWORKS) {
    it(`${framework}: attributes and input from state, the event into state, unmount and mount again`, { timeout }, async () => {
      await withPage(browser, { viewport: VIEWPORTS.tablet }, async ({ page, console: messages }) => {
        await page.goto(`${server.base}/__e2e__/frameworks/${framework}.html`);
        const el = page.locator('blincyto-checker');
        const verdict = page.locator('#verdict');
        // Norway, Norwegian, the prefilled child: pending (ID2021_047), shown from the app's state.
        await page.waitForFunction(() => document.querySelector('#verdict')?.textContent === 'pending', null, { timeout: 30_000 })
          .catch(async () => assert.fail(`the app's state never got "pending": #verdict is "${await verdict.textContent()}"`));
        const first = await el.evaluate(async (node) => {
          await node.updateComplete;
          return {
            lang: node.getAttribute('lang'), jurisdiction: node.getAttribute('jurisdiction'), property: node.jurisdiction,
            input: node.input, verdict: node.assessment.verdict,
            radio: node.shadowRoot.querySelector('input[name=jurisdiction]:checked').value,
            heading: node.shadowRoot.querySelector('h2').textContent,
            attributes: node.getAttributeNames().sort(),
          };
        });
        assert.deepEqual([first.lang, first.jurisdiction, first.property, first.radio, first.verdict], ['nb', 'no', 'no', 'no', 'pending']);
        assert.match(first.heading, /Kan Blincyto brukes/);
        assert.deepEqual(first.attributes, ['jurisdiction', 'lang'], 'the input went in as a property, not an attribute');
        assert.equal(first.input.ageYears, 8);
        assert.equal(first.input.diseaseStatus, 'relapsed');

        // State change → attribute → the widget → the event → the app's state.
        await page.locator('#sweden').click();
        await page.waitForFunction(() => document.querySelector('#verdict').textContent === 'no', null, { timeout: 10_000 });
        const second = await el.evaluate(async (node) => {
          await node.updateComplete;
          return { lang: node.lang, jurisdiction: node.jurisdiction, heading: node.shadowRoot.querySelector('h2').textContent };
        });
        assert.deepEqual([second.lang, second.jurisdiction], ['sv', 'se']);
        assert.match(second.heading, /Kan Blincyto användas/);

        // Unmount, then mount again: a new element, prefilled and answering.
        const eventsBefore = Number(await page.locator('#events').textContent());
        await page.locator('#toggle').click();
        await page.waitForFunction(() => !document.querySelector('blincyto-checker'));
        await page.locator('#toggle').click();
        await page.waitForFunction(() => document.querySelector('blincyto-checker')?.shadowRoot?.querySelector('[data-verdict]'));
        const third = await el.evaluate(async (node) => {
          await node.updateComplete;
          return { verdict: node.assessment.verdict, shown: node.shadowRoot.querySelector('[data-verdict]').getAttribute('data-verdict'),
            app: document.querySelector('#verdict').textContent };
        });
        assert.deepEqual(third, { verdict: 'no', shown: 'no', app: 'no' });
        assert.ok(Number(await page.locator('#events').textContent()) > eventsBefore, 'the new element\'s events reach the app');
        const errors = messages.filter((m) => m.type === 'error' || m.type === 'warning');
        assert.deepEqual(errors, [], 'console errors or warnings');
      });
    });
  }
});
