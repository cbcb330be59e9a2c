// WebDriver sessions for the engines beyond Chromium, through selenium-webdriver. Each driver is
// started here from its known path, never looked up: SE_OFFLINE=true keeps selenium-manager from
// ever downloading one.
//
//   firefox  Debian's firefox-esr (-headless) through geckodriver (cargo install geckodriver)
//   webkit   WebKitGTK's MiniBrowser --automation through WebKitWebDriver (Debian's
//            webkit2gtk-driver), under xvfb-run (MiniBrowser needs a display)
//
// Environment: FIREFOX (default /usr/bin/firefox-esr), GECKODRIVER (default: geckodriver on
// PATH), MINIBROWSER (default /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser),
// WEBKITWEBDRIVER (default: WebKitWebDriver on PATH).
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../lib.mjs';

process.env.SE_OFFLINE = 'true';
const require = createRequire(join(ROOT, 'noop.js'));
export const webdriver = require('selenium-webdriver');
const firefox = require('selenium-webdriver/firefox');

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function which(name) {
  return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
}

async function freePort() {
  const srv = createServer();
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address();
  await new Promise((ok) => srv.close(ok));
  return port;
}

async function waitForStatus(url, child, log, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the driver exited (${child.exitCode}): ${log.join('')}`);
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`no driver at ${url} after ${ms} ms: ${log.join('')}`);
}

/** The browser's and the driver's versions, for the report. */
export function versions(engine) {
  if (engine === 'firefox') {
    return `${execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim()}, ${
      execFileSync(process.env.GECKODRIVER ?? which('geckodriver'), ['--version'], { encoding: 'utf8' }).split('\n')[0]}`;
  }
  // WebKitWebDriver has no --version; Debian's package says it (the session reports the engine's).
  let pkg = 'unknown';
  try {
    pkg = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'webkit2gtk-driver'], { encoding: 'utf8' }).trim();
  } catch { /* not Debian */ }
  return `MiniBrowser (WebKitGTK), WebKitWebDriver from webkit2gtk-driver ${pkg}`;
}

/**
 * Starts `engine` ('firefox' | 'webkit') and returns { driver, quit }.
 */
export async function start(engine) {
  if (engine === 'firefox') {
    const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? which('geckodriver'));
    const options = new firefox.Options().setBinary(FIREFOX).addArguments('-headless')
      .windowSize({ width: 768, height: 1024 });
    const driver = await new webdriver.Builder().forBrowser(webdriver.Browser.FIREFOX)
      .setFirefoxOptions(options).setFirefoxService(service).build();
    return { driver, quit: () => driver.quit() };
  }
  if (engine === 'webkit') {
    const port = await freePort();
    const log = [];
    // Its own process group, so that quitting ends xvfb-run, Xvfb and the driver together.
    const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24',
      process.env.WEBKITWEBDRIVER ?? which('WebKitWebDriver'), `--port=${port}`, '--host=127.0.0.1'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => log.push(String(d)));
    child.stderr.on('data', (d) => log.push(String(d)));
    const url = `http://127.0.0.1:${port}`;
    const kill = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } };
    try {
      await waitForStatus(url, child, log);
      const driver = await new webdriver.Builder().usingServer(url).withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      }).build();
      await driver.manage().window().setRect({ width: 768, height: 1024 }).catch(() => {});
      return { driver, quit: async () => { await driver.quit().catch(() => {}); kill(); } };
    } catch (e) {
      kill();
      throw e;
    }
  }
  throw new Error(`unknown engine ${engine}: use firefox or webkit`);
}
