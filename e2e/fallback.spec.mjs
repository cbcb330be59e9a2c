// Older browsers (Safari before 16.4, Firefox before 101): no constructable stylesheets. An init
// script removes them before the module loads; the widget must still render styled, through its
// `<style>` fallback in the shadow root (src/browser/embed.rs), and answer — not a blank box.
// The cross-engine suite (e2e/engines/suite.mjs) checks the same in Firefox and WebKit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serveAndLaunch, withPage, openWidget, validExamples } from './lib.mjs';

const REMOVE = {
  // Neither CSSStyleSheet nor adoptedStyleSheets, as in Safari 15.
  all: () => {
    delete window.CSSStyleSheet;
    delete ShadowRoot.prototype.adoptedStyleSheets;
    delete Document.prototype.adoptedStyleSheets;
  },
  // The interface is there but cannot be constructed, as in Safari 16.0–16.3.
  constructor: () => {
    window.CSSStyleSheet = function CSSStyleSheet() { throw new TypeError('Illegal constructor'); };
  },
};

describe('without constructable stylesheets', () => {
  let server;
  let browser;
  serveAndLaunch((s, b) => { server = s; browser = b; });

  for (const [variant, remove] of Object.entries(REMOVE)) {
    it(`(${variant}) renders styled through a <style> element and answers`, async () => {
      await withPage(browser, {}, async ({ page, console: messages }) => {
        await page.addInitScript(remove);
        const w = await openWidget(page, server, { lang: 'en', jurisdiction: 'no' });
        const s = await w.host.evaluate((el) => {
          const inner = el.shadowRoot.querySelector('.blincyto') ?? el.shadowRoot.firstElementChild;
          const cs = getComputedStyle(inner);
          return {
            constructable: typeof CSSStyleSheet === 'function' && (() => { try { new CSSStyleSheet(); return true; } catch { return false; } })(),
            styles: el.shadowRoot.querySelectorAll('style').length,
            hostDisplay: getComputedStyle(el).display,
            action: getComputedStyle(el).getPropertyValue('--blincyto-action').trim(),
            fontSize: cs.fontSize,
            color: cs.color,
            height: el.getBoundingClientRect().height,
          };
        });
        assert.equal(s.constructable, false, 'the init script removed constructable stylesheets');
        assert.deepEqual(s, { constructable: false, styles: 1, hostDisplay: 'block', action: '#005b89', fontSize: '18px', color: 'rgb(18, 18, 18)', height: s.height });
        assert.ok(s.height > 200, `the widget is ${s.height} px tall`);
        const example = (await validExamples()).byName['adult MRD-positive CR1, Norway'];
        await w.fill(example.input);
        assert.equal(await w.verdict(), example.expect.verdict);
        assert.deepEqual(messages.filter((m) => m.type === 'error'), []);
      });
    });
  }
});
