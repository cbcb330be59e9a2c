// The progressive form walked as a person at a tablet does (the flow spec, e2e/measure-flow.mjs
// and the WebDriver click suite). Importing this file has no side effect.
import { FIELDS } from './contract.mjs';
import { settle } from './widget.mjs';

/**
 * The questions open on screen: the visible contract fields, not in `done` (the walk's answered
 * ones; the jurisdiction switch is never one) and not marked "not known".
 */
export async function openQuestions(w, done = new Set(['jurisdiction'])) {
  const [fields, marked] = [await w.fields(), await w.markedUnknown()];
  return fields.filter((f) => f.visible && FIELDS.includes(f.name) && !done.has(f.name) && !marked.includes(f.name));
}

/**
 * The next question a person takes on the progressive form: of the visible contract fields not
 * in `done` and not marked not known (`marked`), the first that `input` gives, else the first it
 * does not give (never the switch nor the assumed monotherapy: those already have a value).
 * Returns the field's group from `Widget#fields` with `given`, or null.
 */
export function nextQuestion(fields, input, { done, marked }) {
  const given = (f) => input[f.name] !== undefined && input[f.name] !== null;
  const open = fields.filter((f) => f.visible && !f.disabled && FIELDS.includes(f.name) && !done.has(f.name) && !marked.includes(f.name));
  const next = open.find(given) ?? open.find((f) => f.name !== 'jurisdiction' && f.name !== 'monotherapy');
  return next ? { ...next, given: given(next) } : null;
}

/**
 * Scrolls the page by as little as a person would so that `locator`'s element is in sight:
 * inside the viewport and clear of a verdict bar stuck to its bottom or its top (any
 * `[data-verdict]` element with position sticky or fixed). Returns the distance scrolled.
 */
function sight(locator) {
  return locator.evaluate((n) => {
    const margin = 16;
    const rect = n.getBoundingClientRect();
    let [top, bottom] = [0, innerHeight];
    for (const bar of n.getRootNode().querySelectorAll('[data-verdict]')) {
      const pos = getComputedStyle(bar).position;
      const r = bar.getBoundingClientRect();
      if (pos !== 'sticky' && pos !== 'fixed') continue;
      if (r.top < innerHeight && r.bottom >= innerHeight - 1) bottom = Math.min(bottom, r.top);
      else if (r.top <= 1 && r.bottom > 0) top = Math.max(top, r.bottom);
    }
    let delta = 0;
    if (rect.bottom > bottom) delta = rect.bottom - bottom + margin;
    if (rect.top - delta < top) delta = rect.top - top - margin;
    const before = scrollY;
    scrollBy(0, delta);
    return Math.abs(scrollY - before);
  });
}

/**
 * Walks a contract input through the progressive form as a person at a tablet does: takes the
 * first open question on screen (document order; a contract field, not the jurisdiction switch,
 * not one already answered or marked not known) that the input gives, else the first one it
 * does not give; scrolls it into sight (measured); answers it, or presses its "not known" button.
 * Stops when no open question is left that can be answered or marked (the assumed monotherapy is
 * left as it is when the input does not give it).
 *
 * `onStep({ name, open })` runs after each step. Returns { answered, unknown, taps, scroll, open,
 * depths }: the fields answered and marked, taps (one per answer or mark, one more when the
 * jurisdiction switch had to be changed), the scroll distance in css px (including the scroll to
 * bring the verdict in sight at the end), the most open questions seen at any step, and at each
 * step after the first answer, how far below the widget's top the question taken next starts
 * (css px, the top of its `#q-<field>` element).
 */
export async function walk(w, input, { onStep } = {}) {
  const answered = new Set();
  const unknown = new Set();
  // The switch is set first (below), then never counted as an open question.
  const done = new Set(['jurisdiction']);
  let taps = 0;
  let scroll = 0;
  let mostOpen = 0;
  const depths = [];
  const openNow = () => openQuestions(w, done);
  if ('jurisdiction' in input) {
    const now = (await w.fields()).find((f) => f.name === 'jurisdiction');
    if (now && now.value !== input.jurisdiction) {
      scroll += await sight(w.host.locator(`input[name="jurisdiction"][value="${input.jurisdiction}"]`).locator('xpath=..'));
      await w.set('jurisdiction', input.jurisdiction);
      taps++;
    }
  }
  for (let step = 0; step < 40; step++) {
    const open = await openNow();
    mostOpen = Math.max(mostOpen, open.length);
    const next = nextQuestion(open, input, { done, marked: [] });
    if (!next) break;
    done.add(next.name);
    if (answered.size + unknown.size > 0) {
      depths.push(await w.host.evaluate((el, name) => Math.round(
        el.shadowRoot.getElementById(`q-${name}`).getBoundingClientRect().top - el.getBoundingClientRect().top), next.name));
    }
    if (next.given) {
      const target = next.kind === 'radio'
        ? w.host.locator(`input[name="${next.name}"][value="${String(input[next.name])}"]`).locator('xpath=..')
        : w.control(next.name).first();
      scroll += await sight(target);
      await w.set(next.name, input[next.name]);
      answered.add(next.name);
    } else {
      const button = w.host.locator(`#q-${next.name} button.not-known`);
      if (await button.count() !== 1) break;
      scroll += await sight(button);
      await button.click();
      await settle(w.page);
      unknown.add(next.name);
    }
    taps++;
    if (onStep) await onStep({ name: next.name, open: await openNow() });
  }
  // The verdict in sight: the bar, or the top of the full answer (its first box).
  const distances = await w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[data-verdict]')].map((n) => {
    const r = (n.firstElementChild && n.localName === 'section' ? [...n.children].find((c) => c.getBoundingClientRect().height > 2) : n).getBoundingClientRect();
    const covered = [...el.shadowRoot.querySelectorAll('[data-verdict]')].some((b) => b !== n &&
      ['sticky', 'fixed'].includes(getComputedStyle(b).position) && b.getBoundingClientRect().top < r.bottom && b.getBoundingClientRect().bottom > r.top);
    return r.top >= 0 && r.bottom <= innerHeight && !covered ? 0 : (r.top < 0 ? -r.top : r.bottom - innerHeight + 16);
  }));
  const toVerdict = Math.min(...distances);
  scroll += Math.max(0, toVerdict);
  return { answered: [...answered], unknown: [...unknown], taps, scroll: Math.round(scroll), open: mostOpen, depths };
}

/** Whether an element carrying `data-verdict` (the bar or the answer) is wholly inside the viewport. */
export async function verdictInView(w) {
  return w.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[data-verdict]')].some((n) => {
    const r = n.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && n.checkVisibility();
  }));
}
