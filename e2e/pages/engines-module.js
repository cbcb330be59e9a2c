// Keeps the module's exports on the page for WebDriver scripts (e2e/pages/engines.html): a
// dynamic import() from a driver's script is not supported alike in every engine.
import * as checker from '/blincyto-checker.js';
window.__checker = checker;

// Every input evaluated in the page's own realm: JSON text in, JSON text out. Objects a driver's
// script makes belong to the driver's sandbox in Firefox (not the page's Object.prototype), and
// evaluate() rightly takes plain objects only.
window.__evaluateAll = (json) => JSON.stringify(JSON.parse(json).map((input) => {
  try {
    return { result: checker.evaluate(input) };
  } catch (e) {
    return { error: String(e && e.message !== undefined ? e.message : e) };
  }
}));
