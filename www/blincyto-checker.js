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
  class BlincytoChecker extends HTMLElement {
    static get observedAttributes() {
      return ['lang', 'jurisdiction'];
    }

    connectedCallback() {
      if (!this._widget) this._widget = core.mountWidget(this);
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
  }
  customElements.define('blincyto-checker', BlincytoChecker);
}
