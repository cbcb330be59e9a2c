// The page object for <blincyto-checker>: the widget located by the contract only, filled as a
// person would. Importing this file has no side effect.
import assert from 'node:assert/strict';

/** Lets the widget render: two animation frames after the last change. */
export async function settle(page) {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));
}

/**
 * The widget, located by the contract only: controls by their `name` inside the open shadow
 * root, the answer by `[data-verdict]`. Fills fields as a person would: clicks radio and checkbox
 * labels, picks select options, types into inputs and tabs out.
 */
export class Widget {
  constructor(page, host = page.locator('blincyto-checker').first()) {
    this.page = page;
    this.host = host;
    /**
     * How numbers go into text inputs: false types them key by key (form.spec.mjs and the keyboard
     * test: the path a person takes); true pastes the whole value in one input event, for specs
     * that only need to reach a state (axe, reflow, target size, privacy).
     */
    this.paste = false;
  }

  /** Waits until the element has mounted its shadow root with an answer element. */
  async ready(timeout = 20_000) {
    const handle = await this.host.elementHandle({ timeout });
    await this.page.waitForFunction((el) => !!(el.shadowRoot && el.shadowRoot.querySelector('[data-verdict]')),
      handle, { timeout }).catch(async () => {
      const html = await this.host.evaluate((el) => (el.shadowRoot ? el.shadowRoot.innerHTML.slice(0, 400) : '(no shadow root)'));
      assert.fail(`the widget did not render an element with data-verdict within ${timeout} ms: ${html}`);
    });
    return this;
  }

  /** Control(s) named after a field (pierces the open shadow root). */
  control(name) {
    return this.host.locator(`[name="${name}"]`);
  }

  /**
   * The full answer: the last element carrying `data-verdict` (a compact verdict bar that repeats
   * the verdict comes before it).
   */
  answer() {
    return this.host.locator('[data-verdict]').last();
  }

  async verdict() {
    return this.answer().getAttribute('data-verdict');
  }

  /**
   * Every named control, grouped by name, in document order:
   * [{ name, kind: 'radio'|'checkbox'|'select'|'text', visible, disabled, value, values }]
   * `value` is what is set now (null when nothing is), as the contract spells it.
   */
  async fields() {
    return this.host.evaluate((el) => {
      const root = el.shadowRoot;
      if (!root) return [];
      const shown = (n) => !!n && n.getClientRects().length > 0 &&
        n.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
      const groups = new Map();
      for (const c of root.querySelectorAll('input[name], select[name], textarea[name]')) {
        if (c.type === 'hidden') continue;
        const kind = c.tagName === 'SELECT' ? 'select'
          : c.type === 'radio' ? 'radio' : c.type === 'checkbox' ? 'checkbox' : 'text';
        const visible = shown(c) || [...(c.labels ?? [])].some(shown);
        let g = groups.get(c.name);
        if (!g) {
          g = { name: c.name, kind, visible: false, disabled: true, value: null, values: [] };
          groups.set(c.name, g);
        }
        g.visible ||= visible;
        g.disabled &&= c.matches(':disabled');
        if (kind === 'radio') {
          g.values.push(c.value);
          if (c.checked) g.value = c.value;
        } else if (kind === 'checkbox') {
          g.values.push(c.value);
          g.value = c.checked ? 'true' : 'false';
        } else if (kind === 'select') {
          g.values.push(...[...c.options].map((o) => o.value));
          g.value = c.value === '' ? null : c.value;
        } else {
          g.value = c.value === '' ? null : c.value;
        }
      }
      return [...groups.values()];
    });
  }

  /** The fields whose questions are marked "not known" (folded to a line that says so). */
  async markedUnknown() {
    return this.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('.fold--unknown')]
      .map((n) => n.closest('[id^="q-"]')?.id.slice(2)));
  }

  /**
   * The hyphenated words ("B-prekursor-ALL", "(off-label)") that a line break splits, in the
   * verdict bar and the folded lines shown: each as "word (where)". A line may break at a space
   * only; a break after a hyphen reads as two words at arm's length.
   */
  async splitWords() {
    return this.host.evaluate((el) => {
      const split = [];
      for (const box of el.shadowRoot.querySelectorAll('.bar-words, .fold-words')) {
        if (!box.checkVisibility()) continue;
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of node.data.matchAll(/[^\s]*-[^\s]*/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) split.push(`${m[0]} (${box.className})`);
          }
        }
      }
      return split;
    });
  }

  /** The folded line of an answered question (a locator that finds nothing when it is not folded). */
  folded(name) {
    return this.host.locator(`#q-${name} > .fold`);
  }

  /** Reopens the question `name` if it is folded, as a person does: a tap on its line. */
  async reopen(name) {
    const line = this.folded(name);
    if (await line.count() === 1 && await line.isVisible()) {
      await line.click();
      await settle(this.page);
    }
  }

  /** How many times the live region has decided what to say (`data-settled`). */
  async settledCount() {
    return this.host.locator('[aria-live]').evaluate((r) => Number(r.dataset.settled ?? 0));
  }

  /**
   * What the live region says once the input has settled: waits (on the widget's own signal,
   * `data-pending` gone and `data-settled` past `after`) and returns its text.
   */
  async announced(after = -1) {
    return this.host.locator('[aria-live]').evaluate((r, n) => new Promise((ok) => {
      const check = () => (!r.hasAttribute('data-pending') && Number(r.dataset.settled ?? 0) > n
        ? ok(r.textContent) : requestAnimationFrame(check));
      check();
    }), after);
  }

  /** Sets one field as a person would. `value` as in the contract's input (number, boolean, string). */
  async set(name, value) {
    const text = typeof value === 'number' ? String(value) : String(value);
    await this.reopen(name);
    const first = this.control(name).first();
    const kind = await first.evaluate((c) => (c.tagName === 'SELECT' ? 'select'
      : c.type === 'radio' ? 'radio' : c.type === 'checkbox' ? 'checkbox' : 'text'));
    if (kind === 'radio') {
      const input = this.host.locator(`input[name="${name}"][value="${text}"]`);
      assert.ok(await input.count() === 1, `no radio button ${name}=${text}`);
      await clickLabelOf(input);
    } else if (kind === 'checkbox') {
      const want = text === 'true';
      if (await first.isChecked() !== want) await clickLabelOf(first);
    } else if (kind === 'select') {
      await first.selectOption(text);
    } else {
      await first.click();
      await first.press('ControlOrMeta+a');
      await first.press('Delete');
      if (this.paste) {
        await first.fill(text);
      } else {
        // Key by key at a person's pace: the widget renders between two keys, as it does for a
        // person (keys sent faster than a frame would hide re-render problems some of the time).
        for (const ch of text) {
          await this.page.keyboard.type(ch);
          await settle(this.page);
        }
      }
      // The control may have been re-rendered: read it again by name.
      const held = await this.control(name).first().inputValue();
      if (held !== text) {
        const focus = await this.page.evaluate(() => {
          let a = document.activeElement;
          while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
          return a ? `<${a.localName}>${a.getAttribute('name') ? `[name=${a.getAttribute('name')}]` : ''}` : 'nothing';
        });
        assert.fail(`typed "${text}" into ${name} ${this.paste ? 'in one go' : 'key by key'}, the field holds "${held}" (focus is now on ${focus})`);
      }
      await this.control(name).first().press('Tab');
    }
    await settle(this.page);
  }

  /**
   * Walks a contract input through the form: repeatedly answers the first visible, enabled
   * question (document order) whose value the input gives and that is not answered yet, until
   * none is left. A `jurisdiction` without a control goes to the element's attribute.
   * Returns the names answered (in order) and the given fields never shown.
   */
  async fill(input, { onStep } = {}) {
    const given = Object.keys(input).filter((k) => input[k] !== null && input[k] !== undefined);
    const answered = [];
    const done = new Set();
    const fields0 = await this.fields();
    if ('jurisdiction' in input && !fields0.some((f) => f.name === 'jurisdiction' && f.visible)) {
      await this.host.evaluate((el, j) => el.setAttribute('jurisdiction', j), input.jurisdiction);
      await settle(this.page);
      done.add('jurisdiction');
    }
    for (let step = 0; step < 40; step++) {
      const fields = await this.fields();
      const next = fields.find((f) => f.visible && !f.disabled && given.includes(f.name) && !done.has(f.name));
      if (!next) break;
      done.add(next.name);
      const want = String(input[next.name]);
      if (next.value !== null && (next.value === want || Number(next.value) === Number(want) && next.kind === 'text')) continue;
      await this.set(next.name, input[next.name]);
      answered.push(next.name);
      if (onStep) await onStep(next.name);
    }
    return { answered, neverShown: given.filter((f) => !done.has(f)) };
  }

  /**
   * The answer's headline: an element marked as the headline (`part~=headline` or a class with
   * "headline"), else its first heading that is not visually hidden, else its first line of text.
   */
  async headline() {
    return this.host.evaluate((el) => {
      const answer = [...el.shadowRoot.querySelectorAll('[data-verdict]')].at(-1);
      const seen = (n) => { const r = n.getBoundingClientRect(); return r.width > 2 && r.height > 2 && n.checkVisibility(); };
      const marked = [...answer.querySelectorAll('[part~="headline"], [class*="headline"]')].find(seen);
      const heading = [...answer.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].find(seen);
      const node = marked ?? heading ?? answer;
      const text = node.innerText ?? node.textContent;
      return text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
    });
  }

  /** All visible text of the widget (its shadow root). */
  async text() {
    return this.host.evaluate((el) => {
      const root = el.shadowRoot;
      return [...root.children].map((c) => c.innerText ?? '').join('\n').replace(/\s+/g, ' ').trim();
    });
  }

  /** Opens every folded part (`<details>`) by clicking its summary, as a person would. */
  async openDisclosures() {
    for (let i = 0; i < 20; i++) {
      const closed = this.host.locator('details:not([open]) > summary');
      if (await closed.count() === 0) return;
      await closed.first().click();
      await settle(this.page);
    }
  }

  async setAttribute(name, value) {
    await this.host.evaluate((el, [n, v]) => (v === null ? el.removeAttribute(n) : el.setAttribute(n, v)), [name, value]);
    await settle(this.page);
  }
}

/** Clicks the label of a control (the way a person picks a radio button or checkbox). */
export async function clickLabelOf(input) {
  const label = await input.evaluateHandle((c) => (c.labels && c.labels[0]) || null);
  if (await label.evaluate((l) => l === null)) {
    await input.click();
  } else {
    await label.asElement().click();
  }
}

/** Opens the generated host page and waits for the widget. `paste`: see Widget#paste. */
export async function openWidget(page, server, params = {}, { paste = false } = {}) {
  await page.goto(server.host(params));
  const w = new Widget(page);
  w.paste = paste;
  await w.ready();
  return w;
}

export function normalizeText(s) {
  return String(s ?? '').replace(/\s+/g, ' ').trim();
}
