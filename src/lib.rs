//! blincyto-checker: "Can I use Blincyto (blinatumomab) for this patient, here?"
//!
//! The pure core — [`vocab`], [`dataset`], [`patient`], [`checker`] and the compiled-in [`data`] —
//! has no web dependency and is tested natively. The browser parts (the JS API and the
//! `<blincyto-checker>` element) are compiled for `wasm32` only.

pub mod checker;
pub mod data;
pub mod dataset;
pub mod patient;
pub mod vocab;

pub use checker::Assessment;
pub use patient::{InputError, Patient, RawValue};

/// Checks a patient against the compiled-in dataset.
pub fn evaluate(patient: &Patient) -> Assessment<'static> {
    checker::evaluate(data::dataset(), data::domains(), patient)
}
