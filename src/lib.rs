//! blincyto-checker: "Can I use Blincyto (blinatumomab) for this patient, here?"
//!
//! The pure core has no web dependency and is tested natively:
//! - [`vocab`]: the contract's fields, values, verdicts and the criteria vocabulary;
//! - [`dataset`]: the dataset's types and validation; [`data`]: the dataset, compiled in;
//! - [`patient`]: strict reading of untrusted input; [`checker`]: the decision, made fast by
//!   [`diagrams`] (the rules as decision diagrams, built once);
//! - [`i18n`]: one string table per language; [`summary`]: the plain-text record summary.
//!
//! The browser parts are compiled for `wasm32` only: [`api`] (the JS `evaluate`), `embed` (the
//! `<blincyto-checker>` bridge) and `components` (the Yew form and answer).

pub mod checker;
pub mod data;
pub mod dataset;
pub mod diagrams;
pub mod i18n;
pub mod patient;
pub mod summary;
pub mod vocab;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;

/// The browser bundle's allocator: Talc instead of Rust's default dlmalloc, for a smaller and
/// faster wasm (docs/benchmarks.md). Native builds keep the system allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use checker::Assessment;
pub use patient::{InputError, InputObject, Patient, RawValue};

/// Checks a patient against the compiled-in dataset.
pub fn evaluate(patient: &Patient) -> Assessment<'static> {
    checker::evaluate(data::dataset(), data::domains(), patient)
}
