// The hand-written part of www/blincyto-checker.d.ts: the module's export, the element and its
// event. The types it names (Assessment, Patient, Verdict, …) are generated above it from the Rust
// types the result is serialised from (types/blincyto-checker.schema.json, scripts/types.mjs).

/**
 * What `evaluate()` accepts: the contract's fields, every one optional; absent or `null` is
 * missing. An unknown field, a value out of range or of the wrong type throws an `Error` naming
 * the field.
 */
export type EvaluateInput = { [K in keyof Patient]?: Patient[K] | null };

/** What `evaluate()` returns, and the `detail` of the `blincyto-assessment` event. */
export type EvaluateResult = Assessment;

/** Checks one patient (see the contract). Throws an `Error` whose message names the offending field. */
export function evaluate(input: EvaluateInput): EvaluateResult;

// The element's attributes and their values are described in custom-elements.json (types/element.json).
/** `<blincyto-checker lang="sv" jurisdiction="se">`: registered when the module is imported. */
export interface BlincytoCheckerElement extends HTMLElement {
  /**
   * Whose recommendations apply; reflects the `jurisdiction` attribute (`'se'` when it is absent).
   * A value set before the module has loaded is taken over when the element upgrades. (`lang`,
   * the widget's language, is the `lang` every HTMLElement has, and reflects its attribute.)
   */
  jurisdiction: Jurisdiction;
  /**
   * Set: answers the form with a contract input object, as after "start over" with each field
   * entered (absent or `null` fields stay unanswered; without `jurisdiction`, the attribute's).
   * Checked as `evaluate()` checks it: a bad object throws an `Error` naming the field and
   * changes nothing. Get: what the form holds now (`null` before the element first connects).
   */
  get input(): Patient | null;
  set input(value: EvaluateInput);
  /** The latest result (the last `blincyto-assessment` event's `detail`), or `null` before the first. */
  readonly assessment: Assessment | null;
  /** Resolves to `true` once everything asked of the element so far has been rendered and its event dispatched. */
  readonly updateComplete: Promise<boolean>;
  /** Starts over, as the form's "start over" button does. */
  reset(): void;
  addEventListener<K extends keyof BlincytoCheckerEventMap>(
    type: K, listener: (this: BlincytoCheckerElement, ev: BlincytoCheckerEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof BlincytoCheckerEventMap>(
    type: K, listener: (this: BlincytoCheckerElement, ev: BlincytoCheckerEventMap[K]) => any,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Dispatched on the element with every new result; bubbles and is composed. */
export type BlincytoAssessmentEvent = CustomEvent<EvaluateResult>;

export interface BlincytoCheckerEventMap extends HTMLElementEventMap {
  'blincyto-assessment': BlincytoAssessmentEvent;
}

declare global {
  interface HTMLElementTagNameMap {
    'blincyto-checker': BlincytoCheckerElement;
  }
  // The event bubbles out of the element and its shadow root: typed on any element, the
  // document and the window.
  interface GlobalEventHandlersEventMap {
    'blincyto-assessment': BlincytoAssessmentEvent;
  }
}
