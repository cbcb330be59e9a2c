// Loaded as a classic script before blincyto-checker.js (e2e/pages/engines.html; the cross-engine
// suite e2e/engines/suite.mjs and e2e/fallback.spec.mjs read what it records). No framework: it
// must run in every engine as it is.
(function () {
  'use strict';
  var errors = (window.__errors = []);
  var consoleErrors = (window.__consoleErrors = []);
  var events = (window.__events = []);
  window.addEventListener('error', function (e) {
    errors.push(String(e.error && e.error.stack ? e.error.stack : e.message));
  });
  window.addEventListener('unhandledrejection', function (e) {
    errors.push('unhandled rejection: ' + String(e.reason && e.reason.stack ? e.reason.stack : e.reason));
  });
  var error = console.error;
  console.error = function () {
    consoleErrors.push(Array.prototype.map.call(arguments, String).join(' '));
    return error.apply(console, arguments);
  };
  document.addEventListener('blincyto-assessment', function (e) {
    events.push({
      verdict: e.detail && e.detail.verdict,
      bubbles: e.bubbles,
      composed: e.composed,
      target: e.target && e.target.localName,
      detail: e.detail,
    });
  });

  // ?nosheet=all: neither constructable stylesheets nor adoptedStyleSheets (Safari before 16.4,
  // Firefox before 101); ?nosheet=constructor: `new CSSStyleSheet()` throws, as it does where
  // the interface exists but cannot be constructed.
  var nosheet = new URLSearchParams(location.search).get('nosheet');
  if (nosheet === 'all') {
    delete window.CSSStyleSheet;
    [window.ShadowRoot, window.Document].forEach(function (I) {
      if (I && I.prototype) delete I.prototype.adoptedStyleSheets;
    });
    window.__nosheet = typeof window.CSSStyleSheet === 'undefined' &&
      !('adoptedStyleSheets' in document) && !('adoptedStyleSheets' in ShadowRoot.prototype);
  } else if (nosheet === 'constructor') {
    window.CSSStyleSheet = function CSSStyleSheet() { throw new TypeError('Illegal constructor'); };
    window.__nosheet = true;
  }
})();
