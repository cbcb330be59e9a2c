//! blincyto-checker: "Can I use Blincyto (blinatumomab) for this patient, here?"
//!
//! The decision itself is the workspace's `blincyto-model` crate (model/): pure Rust, serde only,
//! tested natively. Its modules this crate uses are re-exported here: [`vocab`] (the contract's
//! fields, values, verdicts, the criteria vocabulary), [`patient`] (strict reading of untrusted
//! input), [`dataset`] (the dataset's types) and [`assessment`] (the answer, read off the decision
//! diagrams `build.rs` built; the completion search the diagrams are tested against is the
//! model's feature `search`, which only this crate's tests enable). This crate adds, still pure
//! and tested natively:
//! - [`data`]: the dataset and its decision diagrams, compiled in by `build.rs`;
//! - [`i18n`]: one string table per language (`i18n/{sv,nb,en}.rs`, the shape in
//!   `i18n/table.rs`, the grammar they share in `i18n/grammar.rs`) and locale formatting
//!   (`i18n/format.rs`);
//! - [`form`]: the form's state and reducer, typed input read (`form/entry.rs`), its questions,
//!   where it stands (the verdict bar and the live region) and the answer in words
//!   (`form/answer/`): the view models the browser's components render;
//! - [`summary`]: the plain-text record, assembled from sections in the answer's words, and
//!   whether the dataset may be out of date (`summary/currency.rs`).
//!
//! Modules depend one way: `i18n` ← `form` ← `summary` ← `browser`.
//!
//! The browser shell is compiled for `wasm32` only, all under `browser`: `browser::api` (the JS
//! `evaluate`), `browser::embed` (the `<blincyto-checker>` bridge) and the Yew components that
//! render the form and the answer.

pub use blincyto_model::{assessment, dataset, patient, vocab};

pub mod data;
pub mod form;
pub mod i18n;
pub mod summary;

#[cfg(test)]
mod fixtures;

#[cfg(target_arch = "wasm32")]
pub mod browser;

/// The browser bundle's allocator: Talc instead of Rust's default dlmalloc, for a smaller and
/// faster wasm (docs/benchmarks.md). Native builds keep the system allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use assessment::Assessment;
pub use patient::{InputError, InputObject, Patient, RawValue};

/// Checks a patient against the compiled-in dataset.
pub fn evaluate(patient: &Patient) -> Assessment<'static> {
    assessment::evaluate(data::dataset(), data::diagrams(), patient)
}
