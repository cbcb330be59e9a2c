// blincyto-checker: the one file a portal links to.
//
//   <script type="module" src="/path/to/blincyto-checker.js"></script>
//   <blincyto-checker lang="sv" jurisdiction="se"></blincyto-checker>
//
// Importing it loads the WebAssembly core that sits beside it, exports `evaluate(input)` and
// registers <blincyto-checker>. Everything else (the form, the answer, attribute handling) is Rust;
// this file stays a thin bridge so that no inline script is ever needed (strict CSP works).
//
// The wasm download starts before the JS glue is fetched (a static import would wait for the
// glue first), so the two requests overlap.
const wasm = fetch(new URL('./blincyto-checker-core_bg.wasm', import.meta.url));
const core = await import('./blincyto-checker-core.js');
await core.default({ module_or_path: wasm });

/** Checks one patient (see the contract). Throws an Error naming the offending field. */
export function evaluate(input) {
  return core.evaluate(input);
}

if (typeof customElements !== 'undefined' && !customElements.get('blincyto-checker') && core.mountWidget) {
  /**
   * A property set on the element before this module upgraded it is an own data property that
   * hides the class's accessor: take it off and set it again through the accessor (Lit's and
   * Shoelace's "upgrade property").
   */
  const upgradeProperty = (el, name) => {
    if (Object.prototype.hasOwnProperty.call(el, name)) {
      const value = el[name];
      delete el[name];
      el[name] = value;
    }
  };

  class BlincytoChecker extends HTMLElement {
    static get observedAttributes() {
      return ['lang', 'jurisdiction'];
    }

    connectedCallback() {
      if (this._widget) return;
      upgradeProperty(this, 'jurisdiction');
      this._widget = core.mountWidget(this);
      // An input given before the element was connected (or before this module upgraded it).
      try {
        upgradeProperty(this, 'input');
        if (this._pending !== undefined) this._widget.setInput(this._pending);
      } catch (e) {
        console.error(`<blincyto-checker>: input not used: ${e.message}`);
      }
      this._pending = undefined;
    }

    attributeChangedCallback() {
      if (this._widget) this._widget.update();
    }

    disconnectedCallback() {
      // A move within the page disconnects and reconnects at once: only tear down what stays out.
      queueMicrotask(() => {
        if (!this.isConnected && this._widget) {
          this._widget.destroy();
          this._widget = undefined;
        }
      });
    }

    /** Whose recommendations apply: reflects the `jurisdiction` attribute (default 'se'). */
    get jurisdiction() {
      return this.getAttribute('jurisdiction') ?? 'se';
    }

    set jurisdiction(value) {
      if (value === null || value === undefined) this.removeAttribute('jurisdiction');
      else this.setAttribute('jurisdiction', String(value));
    }

    /** What the form holds now, as a contract input object. */
    get input() {
      if (this._widget) return this._widget.input();
      return this._pending === undefined ? null : { ...this._pending };
    }

    /**
     * Answers the form with a contract input object (checked as evaluate() checks it: a bad one
     * throws an Error naming the field and changes nothing).
     */
    set input(value) {
      if (this._widget) {
        this._widget.setInput(value);
      } else {
        this._pending = evaluate(value).input;
      }
    }

    /** The latest result (the last blincyto-assessment event's detail), or null. */
    get assessment() {
      return this._widget ? this._widget.assessment() : null;
    }

    /** Resolves to true once everything asked of the element has been rendered and announced. */
    get updateComplete() {
      return this._widget ? this._widget.updateComplete() : Promise.resolve(true);
    }

    /** Starts over, as the form's "start over" button does. */
    reset() {
      if (this._widget) this._widget.reset();
      else this._pending = undefined;
    }
  }
  customElements.define('blincyto-checker', BlincytoChecker);
}
