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
//! - [`i18n`]: one string table per language; [`summary`]: the plain-text record summary;
//! - [`form`]: the form's state and reducer, its questions and the answer in words: the view
//!   models the browser's components render.
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
