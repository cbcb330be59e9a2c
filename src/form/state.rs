//! The form's state: what has been picked, what has been typed, and the typed actions that
//! change it. [`reduce`] is pure: no I/O, no evaluation (the checker runs on the patient the
//! state gives). The browser's `impl yew::Reducible` only calls it.

use std::rc::Rc;

use crate::i18n::{read_entry, AgeUnit, EntryError};
use crate::patient::{Patient, Value};
use crate::vocab::{Field, Jurisdiction};

/// The fields typed as numbers, in the contract's order.
pub const TYPED: [Field; 5] =
    [Field::AgeYears, Field::RelapseNumber, Field::MrdPercent, Field::PriorTherapyLines, Field::TkiFailures];

/// Everything the person has entered.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The answers picked from radio groups (the jurisdiction included).
    pub picked: Patient,
    /// The text of each typed field, in [`TYPED`] order, exactly as typed.
    pub typed: [String; 5],
    /// The unit the age is typed in.
    pub age_unit: AgeUnit,
    /// The `jurisdiction` attribute the widget was last given.
    pub attribute: Jurisdiction,
}

/// A change to the form.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A choice field was answered (or, with `None`, cleared).
    Pick(Field, Option<Value>),
    /// A typed field's text changed.
    Type(Field, String),
    /// The age unit changed; the typed age is read in the new unit.
    SetAgeUnit(AgeUnit),
    /// The host changed the `jurisdiction` attribute: the switch follows it.
    FollowAttribute(Jurisdiction),
    /// Start over: every answer cleared, the jurisdiction back to the attribute's.
    StartOver,
}

impl State {
    /// An empty form for a patient treated in `jurisdiction`.
    pub fn new(jurisdiction: Jurisdiction) -> State {
        State {
            picked: Patient { jurisdiction: Some(jurisdiction), ..Patient::default() },
            typed: Default::default(),
            age_unit: AgeUnit::Years,
            attribute: jurisdiction,
        }
    }

    fn slot(field: Field) -> Option<usize> {
        TYPED.iter().position(|f| *f == field)
    }

    /// The text typed for `field` ("" for choice fields).
    pub fn text(&self, field: Field) -> &str {
        Self::slot(field).map_or("", |i| self.typed[i].as_str())
    }

    /// The typed value of `field`, or why it cannot be used.
    pub fn entry(&self, field: Field) -> Result<Option<Value>, EntryError> {
        read_entry(field, self.text(field), self.age_unit)
    }

    /// The patient as far as known: picked answers and valid typed ones. An invalid entry
    /// counts as missing.
    pub fn patient(&self) -> Patient {
        let mut p = self.picked.clone();
        for field in TYPED {
            p.set(field, self.entry(field).ok().flatten());
        }
        p
    }

    /// Whether the person has answered `field` (a pick, or any text, valid or not).
    pub fn is_answered(&self, field: Field) -> bool {
        match Self::slot(field) {
            Some(i) => !self.typed[i].trim().is_empty(),
            None => self.picked.get(field).is_some(),
        }
    }

    /// Every question of the form in clinical (contract) order, each with whether it is shown:
    /// those the checker still needs and every one already answered. The jurisdiction switch is
    /// rendered on its own; the optional monotherapy question is always shown, last.
    ///
    /// The others stay in the DOM, `hidden`, so that a changed answer toggles an attribute
    /// instead of building and removing whole fieldsets (docs/benchmarks.md: update latency).
    pub fn questions(&self, missing: &[Field]) -> Vec<(Field, bool)> {
        let mut out: Vec<(Field, bool)> = Field::ALL
            .iter()
            .copied()
            .filter(|f| !matches!(f, Field::Jurisdiction | Field::Monotherapy))
            .map(|f| (f, missing.contains(&f) || self.is_answered(f)))
            .collect();
        out.push((Field::Monotherapy, true));
        out
    }
}

/// The state after `action`. An action that changes nothing gives back the same `Rc`, so that
/// the widget does not render again (Yew compares a reducer's result by pointer).
pub fn reduce(state: Rc<State>, action: Action) -> Rc<State> {
    let mut next = (*state).clone();
    match action {
        Action::Pick(field, value) => next.picked.set(field, value),
        Action::Type(field, text) => {
            if let Some(i) = State::slot(field) {
                next.typed[i] = text;
            }
        }
        Action::SetAgeUnit(unit) => next.age_unit = unit,
        Action::FollowAttribute(j) => {
            if j == state.attribute {
                return state;
            }
            next.attribute = j;
            next.picked.jurisdiction = Some(j);
        }
        Action::StartOver => next = State::new(state.attribute),
    }
    if next == *state {
        state
    } else {
        Rc::new(next)
    }
}

