//! Test fixtures shared by the crate's unit tests (compiled for `cargo test` only): patients the
//! tests of the summary and of the form's view models both need, and a way to drive the form's
//! reducer.

use std::rc::Rc;

use crate::form::state::{reduce, Action, State};
use crate::patient::Patient;
use crate::vocab::{Cd19, Diagnosis, DiseaseStatus, Field, Jurisdiction, Philadelphia};

/// A child in second relapse after two lines, bridging to a transplant in Sweden: yes, on one
/// indication.
pub fn child_bridging() -> Patient {
    Patient {
        jurisdiction: Some(Jurisdiction::Se),
        age_years: Some(8.0),
        diagnosis: Some(Diagnosis::BPrecursorAll),
        cd19: Some(Cd19::Positive),
        philadelphia: Some(Philadelphia::Negative),
        disease_status: Some(DiseaseStatus::Relapsed),
        relapse_number: Some(2),
        in_remission: Some(false),
        prior_therapy_lines: Some(2),
        planned_allo_hsct: Some(true),
        ..Patient::default()
    }
}

/// `actions` applied in turn to an empty Swedish form.
pub fn after(actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(Rc::new(State::new(Jurisdiction::Se)), reduce)
}

/// Typing `text` into `field`.
pub fn typed(field: Field, text: &str) -> Action {
    Action::Type(field, text.to_string())
}
