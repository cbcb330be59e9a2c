// WebDriver sessions for the engines beyond Chromium, through selenium-webdriver. Each driver is
// started here from its known path, never looked up: SE_OFFLINE=true keeps selenium-manager from
// ever downloading one.
//
//   chromium Debian's chromium (headless) through Debian's chromedriver (chromium-driver)
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
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ROOT } from '../lib.mjs';

process.env.SE_OFFLINE = 'true';
const require = createRequire(join(ROOT, 'noop.js'));
export const webdriver = require('selenium-webdriver');
const firefox = require('selenium-webdriver/firefox');
const chrome = require('selenium-webdriver/chrome');

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
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
  if (engine === 'chromium') {
    return `${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}, ${
      execFileSync(process.env.CHROMEDRIVER ?? which('chromedriver'), ['--version'], { encoding: 'utf8' }).split('\n')[0]}`;
  }
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
 * A Firefox profile whose browser window may be narrower than the 500 px its toolbars keep it to
 * (userChrome.css), so that a page can be seen at a phone's 360 px.
 */
function narrowFirefoxProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'blincyto-firefox-'));
  mkdirSync(join(dir, 'chrome'));
  writeFileSync(join(dir, 'user.js'), 'user_pref("toolkit.legacyUserProfileCustomizations.stylesheets", true);\n');
  writeFileSync(join(dir, 'chrome', 'userChrome.css'),
    ':root, #main-window, #navigator-toolbox, #nav-bar, toolbar, #browser, #tabbrowser-tabbox { min-width: 0 !important; }\n');
  return dir;
}

/**
 * Starts `engine` ('chromium' | 'firefox' | 'webkit') and returns { driver, quit }.
 * `narrow` (Firefox): a window that can be as narrow as a phone (see narrowFirefoxProfile).
 * `screen` (WebKit): `{ width, height }` of the X screen, and MiniBrowser in full screen, which
 * hides the toolbar that keeps its window at least 447 px wide.
 */
export async function start(engine, { narrow = false, screen = null } = {}) {
  if (engine === 'chromium') {
    const service = new chrome.ServiceBuilder(process.env.CHROMEDRIVER ?? which('chromedriver'));
    const options = new chrome.Options().setChromeBinaryPath(CHROMIUM)
      .addArguments('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=768,1024');
    const driver = await new webdriver.Builder().forBrowser(webdriver.Browser.CHROME)
      .setChromeOptions(options).setChromeService(service).build();
    return { driver, quit: () => driver.quit() };
  }
  if (engine === 'firefox') {
    const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? which('geckodriver'));
    const options = new firefox.Options().setBinary(FIREFOX).addArguments('-headless')
      .windowSize({ width: 768, height: 1024 });
    if (narrow) options.setProfile(narrowFirefoxProfile());
    const driver = await new webdriver.Builder().forBrowser(webdriver.Browser.FIREFOX)
      .setFirefoxOptions(options).setFirefoxService(service).build();
    return { driver, quit: () => driver.quit() };
  }
  if (engine === 'webkit') {
    const port = await freePort();
    const log = [];
    // Its own process group, so that quitting ends xvfb-run, Xvfb and the driver together.
    const child = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${screen ? `${screen.width}x${screen.height}` : '1280x1024'}x24`,
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
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...(screen ? ['--full-screen'] : [])] },
      }).build();
      await driver.manage().window().setRect({ width: 768, height: 1024 }).catch(() => {});
      return { driver, quit: async () => { await driver.quit().catch(() => {}); kill(); } };
    } catch (e) {
      kill();
      throw e;
    }
  }
  throw new Error(`unknown engine ${engine}: use chromium, firefox or webkit`);
}

/**
 * Sizes the window so that the page's viewport (innerWidth × innerHeight) is `width` × `height`:
 * the window's frame and toolbars differ by engine, so it measures and corrects. Returns the
 * viewport reached.
 */
export async function setViewport(driver, { width, height }) {
  const inner = () => driver.executeScript('return [innerWidth, innerHeight];');
  let reached = [0, 0];
  for (let i = 0; i < 3; i++) {
    const rect = await driver.manage().window().getRect();
    reached = await inner();
    if (reached[0] === width && reached[1] === height) break;
    await driver.manage().window().setRect({ width: rect.width + width - reached[0], height: rect.height + height - reached[1] });
  }
  reached = await inner();
  return { width: reached[0], height: reached[1] };
}
