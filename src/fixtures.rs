//! Test fixtures of the crate's unit tests (compiled for `cargo test` only): the test patients
//! (their one home is `blincyto_model::patients`, re-exported here) and a way to drive the form's
//! reducer.

use std::rc::Rc;

use crate::form::state::{reduce, Action, State};
use crate::vocab::{Field, Jurisdiction};

pub use blincyto_model::patients::*;

/// `actions` applied in turn to an empty Swedish form.
pub fn after(actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(Rc::new(State::new(Jurisdiction::Se)), reduce)
}

/// Typing `text` into `field`.
pub fn typed(field: Field, text: &str) -> Action {
    Action::Type(field, text.to_string())
}
