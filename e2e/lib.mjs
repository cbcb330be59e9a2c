// Shared end-to-end tooling, one module per job in e2e/lib/ (this file re-exports them all, so
// that a spec imports from one place). The specs (e2e/*.spec.mjs) are node:test files; see
// README.md. Importing this file has no side effect.
//
//   lib/paths.mjs     where things are (E2E_DIST, BLINCYTO_SHARED)
//   lib/contract.mjs  the contract's verdicts, languages and fields (from the generated schema),
//                     its public examples
//   lib/dataset.mjs   data/blincyto.toml read independently of the widget, and its dates
//   lib/server.mjs    the static server (shared with the benches)
//   lib/host.mjs      the e2e server: dist/, e2e/pages/ and the generated host page
//   lib/browser.mjs   headless Chromium (CHROMIUM), fresh pages, the build's status
//   lib/fixture.mjs   a spec's before/after hooks: the server, and the browser
//   lib/widget.mjs    the page object for <blincyto-checker>
//   lib/walk.mjs      the progressive form walked as a person at a tablet does
export * from './lib/paths.mjs';
export * from './lib/contract.mjs';
export * from './lib/dataset.mjs';
export * from './lib/host.mjs';
export * from './lib/browser.mjs';
export * from './lib/fixture.mjs';
export * from './lib/widget.mjs';
export * from './lib/walk.mjs';
