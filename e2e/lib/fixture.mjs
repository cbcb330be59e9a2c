// A spec's fixtures (node:test hooks): the e2e server, and with it headless Chromium.
import { before, after } from 'node:test';
import { distStatus, launch } from './browser.mjs';
import { startServer } from './host.mjs';

/**
 * Before the spec's tests: checks that dist/ is built (unless `checkDist` is false), starts the
 * e2e server and hands it to `ready`; after them, closes it.
 */
export function serveDist(ready, { checkDist = true } = {}) {
  let server;
  before(async () => {
    if (checkDist) {
      const problem = await distStatus();
      if (problem) throw new Error(problem);
    }
    server = await startServer();
    await ready(server);
  });
  after(async () => {
    await server?.close();
  });
}

/** serveDist() and headless Chromium: hands both to `ready(server, browser)`; closes both after. */
export function serveAndLaunch(ready, { launchOptions, checkDist = true } = {}) {
  let browser;
  serveDist(async (server) => {
    browser = await launch(launchOptions);
    ready(server, browser);
  }, { checkDist });
  after(async () => {
    await browser?.close();
  });
}
