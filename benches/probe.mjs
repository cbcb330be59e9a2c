// The in-page probe of the benches (benches/browser.mjs): an init script, run before any of the
// page's own scripts, that records when the form becomes interactive and when it and the answer
// are painted (window.__bench). Playwright serialises the function into the page: it may use
// nothing from this module.

export function probe() {
  let painted;
  let answered;
  const plain = location.pathname.endsWith('/plain.html');
  const formPainted = new Promise((ok) => { painted = ok; });
  // The widget renders the form first and the answer one task later: the run ends once both
  // have been painted, so the main-thread figures include the answer too.
  const answerPainted = plain ? Promise.resolve() : new Promise((ok) => { answered = ok; });
  const b = (window.__bench = { interactive: undefined, shadowAttached: undefined, how: undefined,
    answer: undefined, done: Promise.all([formPainted, answerPainted]) });
  const CONTROLS = 'input, select, textarea';
  const enabled = (el) => el && !el.disabled && !el.closest('fieldset:disabled');
  const roots = () => [...document.querySelectorAll('blincyto-checker')].map((h) => h.shadowRoot).filter(Boolean);
  const find = () => {
    if (plain) return document.querySelector(CONTROLS);
    for (const root of roots()) {
      const named = root.querySelector('[name="ageYears"]');
      if (enabled(named)) return named;
      for (const el of root.querySelectorAll(CONTROLS)) if (enabled(el)) return el;
    }
    return null;
  };
  /** Resolves after the frame that is being prepared now has been rendered. */
  const afterFrame = (then) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => then(performance.now());
    ch.port2.postMessage(0);
  });
  const check = (how) => {
    if (b.interactive !== undefined) return true;
    const el = find();
    if (!el) return false;
    b.interactive = performance.now();
    b.how = how;
    b.control = `${el.localName}[name=${el.getAttribute('name')}]`;
    // The first frame rendered with the control in it (informational).
    afterFrame((t) => { b.painted = t; painted(); });
    return true;
  };
  /** The answer ([data-verdict]) in the shadow root (informational). */
  const checkAnswer = () => {
    if (plain || b.answer !== undefined) return true;
    if (!roots().some((r) => r.querySelector('[data-verdict]'))) return false;
    b.answer = performance.now();
    afterFrame((t) => { b.answerPainted = t; answered(); });
    return true;
  };
  const both = (how) => {
    const form = check(how);
    const answer = checkAnswer();
    if (form && answer) observer.disconnect();
    return form && answer;
  };
  const OPTIONS = { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] };
  const observer = new MutationObserver(() => both('mutation'));
  observer.observe(document, OPTIONS);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (b.shadowAttached === undefined) b.shadowAttached = performance.now();
    if (b.interactive === undefined || b.answer === undefined) observer.observe(root, OPTIONS);
    return root;
  };
  const loop = () => { if (!both('frame')) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  document.addEventListener('DOMContentLoaded', () => { b.domContentLoaded = performance.now(); both('domcontentloaded'); });
  if (!plain) {
    customElements.whenDefined('blincyto-checker').then(() => { b.defined = performance.now(); });
  }
}

