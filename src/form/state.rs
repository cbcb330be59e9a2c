//! The form's state: what has been picked, what has been typed, and the typed actions that
//! change it. [`reduce`] is pure: no I/O, no evaluation (the checker runs on the patient the
//! state gives). The browser's `impl yew::Reducible` only calls it.

use std::rc::Rc;

use super::entry::{read_below, read_entry, AgeUnit, EntryError};
use crate::patient::{format_number, Patient, Value};
use crate::vocab::{Field, FieldSet, Jurisdiction};

/// How many fields the contract has: the typed text is kept per field.
const FIELDS: usize = Field::ALL.len();

/// Everything the person has entered.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The answers picked from radio groups (the jurisdiction included).
    pub picked: Patient,
    /// The text of each numeric field ([`Field::is_numeric`]), by `Field as usize`, exactly as
    /// typed ("" for the others).
    pub typed: [String; FIELDS],
    /// The fields the person said they do not know ("Vet inte"), by `Field as usize`: still
    /// missing to the checker, but no longer waiting for an answer, so the form asks the next
    /// question instead. Answering the field clears the mark.
    pub unknown: [bool; FIELDS],
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
    /// The person does not know the answer to the field: ask the next question.
    MarkUnknown(Field),
    /// The person takes "not known" back: the question is open again.
    Unmark(Field),
    /// The age unit changed; the typed age is read in the new unit.
    SetAgeUnit(AgeUnit),
    /// The host changed the `jurisdiction` attribute: the switch follows it.
    FollowAttribute(Jurisdiction),
    /// Start over: every answer cleared, the jurisdiction back to the attribute's.
    StartOver,
}

impl Action {
    /// Entering `value` for `field` as a person does: picking it, or typing it (a number with a
    /// decimal comma, as on a Swedish or Norwegian keyboard).
    pub fn enter(field: Field, value: Value) -> Action {
        match value {
            Value::Number(n) => Action::Type(field, format_number(n).replace('.', ",")),
            Value::Count(n) => Action::Type(field, n.to_string()),
            v => Action::Pick(field, Some(v)),
        }
    }
}

impl State {
    /// An empty form for a patient treated in `jurisdiction`.
    pub fn new(jurisdiction: Jurisdiction) -> State {
        State {
            picked: Patient { jurisdiction: Some(jurisdiction), ..Patient::default() },
            typed: Default::default(),
            unknown: [false; FIELDS],
            age_unit: AgeUnit::Years,
            attribute: jurisdiction,
        }
    }

    fn slot(field: Field) -> Option<usize> {
        field.is_numeric().then_some(field as usize)
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
        for field in Field::ALL.iter().copied().filter(|f| f.is_numeric()) {
            p.set(field, self.entry(field).ok().flatten());
        }
        p
    }

    /// Whether the person said they do not know `field` (and has not answered it since).
    pub fn is_unknown(&self, field: Field) -> bool {
        self.unknown[field as usize] && !self.is_answered(field)
    }

    /// The upper bound of an MRD typed as one ("< 0,01 %": MRD-negative), which the patient
    /// leaves missing: the form decides with it ([`crate::form::assess`]), and the record says
    /// "MRD < 0,01 %" ([`crate::i18n::percent_below`]).
    pub fn mrd_below(&self) -> Option<f64> {
        read_below(Field::MrdPercent, self.text(Field::MrdPercent))
    }

    /// The fields marked not known ([`State::is_unknown`]): the form does not ask them again.
    pub fn marked_unknown(&self) -> FieldSet {
        FieldSet::of(&Field::ALL.iter().copied().filter(|f| self.is_unknown(*f)).collect::<Vec<_>>())
    }

    /// Whether the person has answered `field` (a pick, or any text, valid or not).
    pub fn is_answered(&self, field: Field) -> bool {
        match Self::slot(field) {
            Some(i) => !self.typed[i].trim().is_empty(),
            None => self.picked.get(field).is_some(),
        }
    }
}

/// The state after `action`. An action that changes nothing gives back the same `Rc`, so that
/// the widget does not render again (Yew compares a reducer's result by pointer).
pub fn reduce(state: Rc<State>, action: Action) -> Rc<State> {
    let mut next = (*state).clone();
    match action {
        Action::Pick(field, value) => {
            next.picked.set(field, value);
            next.unknown[field as usize] &= value.is_none();
        }
        Action::Type(field, text) => {
            if let Some(i) = State::slot(field) {
                next.unknown[i] &= text.trim().is_empty();
                next.typed[i] = text;
            }
        }
        Action::MarkUnknown(field) => next.unknown[field as usize] = !state.is_answered(field),
        Action::Unmark(field) => next.unknown[field as usize] = false,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{after, typed};
    use crate::vocab::{Diagnosis, Jurisdiction::*};

    const B_ALL: Value = Value::Diagnosis(Diagnosis::BPrecursorAll);

    #[test]
    fn a_new_form_knows_only_the_jurisdiction() {
        let s = State::new(No);
        assert_eq!(s.patient(), Patient { jurisdiction: Some(No), ..Patient::default() });
        assert!(Field::ALL.iter().all(|f| *f == Field::Jurisdiction || !s.is_answered(*f)));
        assert_eq!(s.text(Field::AgeYears), "");
    }

    #[test]
    fn a_pick_answers_the_field_and_none_clears_it() {
        let s = after([Action::Pick(Field::Diagnosis, Some(B_ALL))]);
        assert_eq!(s.patient().diagnosis, Some(Diagnosis::BPrecursorAll));
        assert!(s.is_answered(Field::Diagnosis));
        let s = reduce(s, Action::Pick(Field::Diagnosis, None));
        assert_eq!(s.patient().diagnosis, None);
        assert!(!s.is_answered(Field::Diagnosis));
        let s = reduce(s, Action::Pick(Field::Jurisdiction, Some(Value::Jurisdiction(No))));
        assert_eq!(s.patient().jurisdiction, Some(No));
    }

    #[test]
    fn typed_text_is_kept_as_typed_and_read_as_a_number() {
        let s = after([typed(Field::MrdPercent, "0,5"), typed(Field::RelapseNumber, " 2 ")]);
        assert_eq!(s.text(Field::MrdPercent), "0,5");
        assert_eq!(s.text(Field::RelapseNumber), " 2 ");
        assert_eq!(s.patient().mrd_percent, Some(0.5));
        assert_eq!(s.patient().relapse_number, Some(2));
        // Text for a field that is not typed has nowhere to go.
        let same = reduce(Rc::clone(&s), typed(Field::Diagnosis, "b-precursor-all"));
        assert!(Rc::ptr_eq(&s, &same));
        assert_eq!(same.text(Field::Diagnosis), "");
    }

    #[test]
    fn the_age_unit_switch_reads_the_typed_age_again() {
        let s = after([typed(Field::AgeYears, "18")]);
        assert_eq!(s.patient().age_years, Some(18.0));
        let s = reduce(s, Action::SetAgeUnit(AgeUnit::Months));
        assert_eq!(s.text(Field::AgeYears), "18", "the text stays as typed");
        assert_eq!(s.patient().age_years, Some(1.5));
        let s = reduce(s, Action::SetAgeUnit(AgeUnit::Years));
        assert_eq!(s.patient().age_years, Some(18.0));
        // 121 is no age in years, but ten years in months.
        let s = after([typed(Field::AgeYears, "121")]);
        assert_eq!(s.patient().age_years, None);
        assert_eq!(reduce(s, Action::SetAgeUnit(AgeUnit::Months)).patient().age_years, Some(121.0 / 12.0));
    }

    #[test]
    fn an_invalid_entry_counts_as_missing_but_as_answered() {
        for (field, text, why) in [
            (Field::AgeYears, "121", EntryError::OutOfRange { min: 0.0, max: 120.0 }),
            (Field::MrdPercent, "abc", EntryError::NotANumber),
            (Field::PriorTherapyLines, "1,5", EntryError::NotWhole),
        ] {
            let s = after([typed(field, text)]);
            assert_eq!(s.patient().get(field), None, "{field:?} {text:?} is missing to the checker");
            assert_eq!(s.entry(field), Err(why), "{field:?} {text:?}");
            assert!(s.is_answered(field), "{field:?} {text:?} is answered, so its question stays");
        }
        // Blank text is no answer at all.
        let s = after([typed(Field::MrdPercent, "  ")]);
        assert_eq!(s.entry(Field::MrdPercent), Ok(None));
        assert!(!s.is_answered(Field::MrdPercent));
    }

    #[test]
    fn not_known_stays_missing_until_answered() {
        let s = after([Action::MarkUnknown(Field::Philadelphia)]);
        assert!(s.is_unknown(Field::Philadelphia) && !s.is_answered(Field::Philadelphia));
        assert_eq!(s.patient().philadelphia, None, "not known is no answer to the checker");
        // Answering clears the mark; clearing the answer does not bring it back.
        let s = reduce(s, Action::Pick(Field::Philadelphia, Some(Value::Philadelphia(crate::vocab::Philadelphia::Negative))));
        assert!(!s.is_unknown(Field::Philadelphia));
        assert!(!reduce(s, Action::Pick(Field::Philadelphia, None)).is_unknown(Field::Philadelphia));
        // Typed fields alike; an answered field cannot be marked.
        let s = after([Action::MarkUnknown(Field::MrdPercent), typed(Field::MrdPercent, "0,1")]);
        assert!(!s.is_unknown(Field::MrdPercent));
        let same = reduce(Rc::clone(&s), Action::MarkUnknown(Field::MrdPercent));
        assert!(Rc::ptr_eq(&s, &same));
        // Start over forgets the marks.
        assert_eq!(*after([Action::MarkUnknown(Field::Cd19), Action::StartOver]), State::new(Se));
    }

    #[test]
    fn the_switch_follows_a_changed_attribute_only() {
        // The person switched to Norway; the host then sets the attribute it already had.
        let s = after([Action::Pick(Field::Jurisdiction, Some(Value::Jurisdiction(No)))]);
        let same = reduce(Rc::clone(&s), Action::FollowAttribute(Se));
        assert!(Rc::ptr_eq(&s, &same), "an unchanged attribute leaves the person's choice alone");
        assert_eq!(same.patient().jurisdiction, Some(No));
        // A changed attribute moves the switch and is remembered.
        let s = reduce(after([typed(Field::AgeYears, "8")]), Action::FollowAttribute(No));
        assert_eq!((s.attribute, s.patient().jurisdiction), (No, Some(No)));
        assert_eq!(s.patient().age_years, Some(8.0), "the answers stay");
    }

    #[test]
    fn start_over_clears_everything_but_the_attributes_jurisdiction() {
        let s = after([
            Action::FollowAttribute(No),
            Action::Pick(Field::Jurisdiction, Some(Value::Jurisdiction(Se))),
            Action::Pick(Field::Diagnosis, Some(B_ALL)),
            typed(Field::AgeYears, "18"),
            Action::SetAgeUnit(AgeUnit::Months),
            Action::StartOver,
        ]);
        assert_eq!(*s, State::new(No));
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let s = after([Action::Pick(Field::Diagnosis, Some(B_ALL)), typed(Field::AgeYears, "8")]);
        for action in [
            Action::Pick(Field::Diagnosis, Some(B_ALL)),
            typed(Field::AgeYears, "8"),
            Action::SetAgeUnit(AgeUnit::Years),
            Action::FollowAttribute(Se),
        ] {
            assert!(Rc::ptr_eq(&s, &reduce(Rc::clone(&s), action.clone())), "{action:?}");
        }
        let empty = Rc::new(State::new(Se));
        assert!(Rc::ptr_eq(&empty, &reduce(Rc::clone(&empty), Action::StartOver)));
        // A real change is a new state.
        assert!(!Rc::ptr_eq(&s, &reduce(Rc::clone(&s), typed(Field::AgeYears, "9"))));
    }
}
