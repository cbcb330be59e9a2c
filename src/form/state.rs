//! The form's state: what has been picked, what has been typed, which answered question is
//! held open, and the typed actions that change it. [`reduce`] is pure: no I/O. It runs the
//! checker only to learn whether an answer changed the verdict (the question then stays open).
//! The browser's `impl yew::Reducible` only calls it.

use std::rc::Rc;

use super::entry::{read_below, read_entry, AgeUnit, EntryError};
use super::mrd::assess_with;
use crate::assessment::Assessment;
use crate::patient::{format_number, Patient, Value};
use crate::vocab::{Field, FieldSet, Jurisdiction, Verdict};

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
    /// The answered question shown in full, not folded to one line ([`State::folds`]): the one
    /// the person is answering with the keyboard or typing into, or has reopened ("Ändra").
    /// Acting on another question releases it.
    pub held: Option<Field>,
    /// The question whose answer, the last action, changed the verdict: it stays in full beside
    /// the new verdict until the person acts on another question.
    pub changed: Option<Field>,
    /// The verdict the form shows for this state ([`assess`]), kept to tell [`State::changed`].
    pub verdict: Verdict,
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
    /// The person reopens a folded question ("Ändra"): it is shown in full and held
    /// ([`State::held`]); "not known", if it was marked so, is taken back.
    Reopen(Field),
    /// The age unit changed; the typed age is read in the new unit.
    SetAgeUnit(AgeUnit),
    /// The host changed the `jurisdiction` attribute: the switch follows it.
    FollowAttribute(Jurisdiction),
    /// Start over: every answer cleared, the jurisdiction back to the attribute's.
    StartOver,
    /// The person is in this question with the keyboard (a key pressed in it), or reopened it:
    /// it stays in full, answered or not, until they act on another question. A pick by
    /// pointer (a tap) is no hold: the answered question folds at once.
    Hold(Field),
    /// Fold every answered question (the element's `input` filled the form).
    FoldAll,
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
            held: None,
            changed: None,
            // Only the jurisdiction is known: no rule can decide yet.
            verdict: Verdict::Incomplete,
        }
    }

    /// Whether the question `field` shows as one line ("Ålder: 45 år · Ändra") instead of in
    /// full: it is answered with a readable value, or marked not known, and it is neither held
    /// ([`State::held`]) nor the one whose answer just changed the verdict. An entry the checker
    /// cannot read stays in full with its error; so does every open question. The jurisdiction
    /// switch, set from the start, folds once a question of the patient is answered or marked.
    pub fn folds(&self, field: Field) -> bool {
        let answered = if field == Field::Jurisdiction {
            Field::ALL.iter().any(|&f| f != Field::Jurisdiction && (self.is_answered(f) || self.is_unknown(f)))
        } else {
            self.is_answered(field) && self.entry(field).is_ok()
        };
        (answered || self.is_unknown(field)) && self.held != Some(field) && self.changed != Some(field)
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

/// The answer the form shows for `state`: [`assess_with`] of its patient and MRD bound.
pub fn assess(state: &State) -> Assessment<'static> {
    assess_with(&state.patient(), state.mrd_below())
}

/// The question an action answers, marks or holds, if any (text for a field that is not typed,
/// and "not known" for an answered field, do nothing).
fn acted_on(state: &State, action: &Action) -> Option<Field> {
    match action {
        Action::Type(f, _) if !f.is_numeric() => None,
        Action::MarkUnknown(f) if state.is_answered(*f) => None,
        Action::Pick(f, _) | Action::Type(f, _) | Action::MarkUnknown(f) | Action::Reopen(f) | Action::Hold(f) => Some(*f),
        Action::SetAgeUnit(_) => Some(Field::AgeYears),
        Action::FollowAttribute(_) | Action::StartOver | Action::FoldAll => None,
    }
}

/// The state after `action`. An action that changes nothing gives back the same `Rc`, so that
/// the widget does not render again (Yew compares a reducer's result by pointer).
///
/// Which answered question stays in full: acting on a question releases any other one held;
/// typing, a key pressed in a question ([`Action::Hold`]) and reopening hold it; a pick by
/// pointer or "not known" folds it, unless the answer changed the verdict.
pub fn reduce(state: Rc<State>, action: Action) -> Rc<State> {
    let mut next = (*state).clone();
    let field = acted_on(&state, &action);
    if field.is_some() && next.held != field {
        next.held = None;
    }
    let typing = matches!(action, Action::Type(f, _) if f.is_numeric());
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
        Action::MarkUnknown(field) => {
            next.unknown[field as usize] = !state.is_answered(field);
            if !state.is_answered(field) {
                next.held = None;
            }
        }
        Action::Reopen(field) => {
            next.unknown[field as usize] = false;
            next.held = Some(field);
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
        Action::Hold(field) => next.held = Some(field),
        Action::FoldAll => next.held = None,
    }
    if typing {
        next.held = field;
    }
    // The verdict, when the patient (or the MRD bound) changed; the question acted on is the
    // one that changed it, if it did.
    let patient = next.patient();
    if patient != state.patient() || next.mrd_below() != state.mrd_below() {
        next.verdict = assess_with(&patient, next.mrd_below()).verdict;
    }
    next.changed = match field {
        Some(f) if next.verdict != state.verdict => Some(f),
        // A key pressed in the question that just changed the verdict leaves it so.
        Some(f) if state.changed == Some(f) && next.held == Some(f) && !typing => Some(f),
        _ => None,
    };
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
    use crate::vocab::{Diagnosis, Jurisdiction::*, Verdict};

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
        // Nor does it release another question held open.
        let held = reduce(s, Action::Hold(Field::Diagnosis));
        assert!(Rc::ptr_eq(&held, &reduce(Rc::clone(&held), Action::MarkUnknown(Field::MrdPercent))));
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
        // The age, typed last, is held open: what acts on it changes nothing.
        let s = after([Action::Pick(Field::Diagnosis, Some(B_ALL)), typed(Field::AgeYears, "8")]);
        for action in [
            Action::Hold(Field::AgeYears),
            typed(Field::AgeYears, "8"),
            Action::SetAgeUnit(AgeUnit::Years),
            Action::FollowAttribute(Se),
        ] {
            assert!(Rc::ptr_eq(&s, &reduce(Rc::clone(&s), action.clone())), "{action:?}");
        }
        // Nothing held: the same answer tapped again changes nothing.
        let tapped = after([typed(Field::AgeYears, "8"), Action::Pick(Field::Diagnosis, Some(B_ALL))]);
        assert!(Rc::ptr_eq(&tapped, &reduce(Rc::clone(&tapped), Action::Pick(Field::Diagnosis, Some(B_ALL)))));
        let empty = Rc::new(State::new(Se));
        assert!(Rc::ptr_eq(&empty, &reduce(Rc::clone(&empty), Action::StartOver)));
        // A real change is a new state.
        assert!(!Rc::ptr_eq(&s, &reduce(Rc::clone(&s), typed(Field::AgeYears, "9"))));
    }

    /// The folded questions of `s` (the jurisdiction switch aside: [`the_switch_folds_once_the_patient_is_described`]).
    fn folded(s: &State) -> Vec<Field> {
        Field::ALL.iter().copied().filter(|f| *f != Field::Jurisdiction && s.folds(*f)).collect()
    }

    #[test]
    fn the_switch_folds_once_the_patient_is_described() {
        let s = Rc::new(State::new(Se));
        assert!(!s.folds(Field::Jurisdiction), "the first screen shows whose recommendations apply");
        let s = reduce(s, Action::Pick(Field::Jurisdiction, Some(Value::Jurisdiction(No))));
        assert!(!s.folds(Field::Jurisdiction));
        let s = reduce(s, Action::MarkUnknown(Field::AgeYears));
        assert!(s.folds(Field::Jurisdiction));
        let s = reduce(s, Action::Reopen(Field::Jurisdiction));
        assert!(!s.folds(Field::Jurisdiction), "reopened");
        let s = reduce(s, Action::Pick(Field::Diagnosis, Some(B_ALL)));
        assert!(s.folds(Field::Jurisdiction));
    }

    #[test]
    fn a_tapped_answer_folds_at_once_a_typed_one_when_the_person_moves_on() {
        let s = after([typed(Field::AgeYears, "45")]);
        assert_eq!((s.held, folded(&s)), (Some(Field::AgeYears), vec![]), "typing holds the question open");
        let s = reduce(s, Action::Pick(Field::Diagnosis, Some(B_ALL)));
        assert_eq!(s.verdict, Verdict::Incomplete);
        assert_eq!((s.held, folded(&s)), (None, vec![Field::AgeYears, Field::Diagnosis]));
        // Start over forgets what was held.
        assert_eq!(reduce(after([typed(Field::AgeYears, "4")]), Action::StartOver).held, None);
    }

    #[test]
    fn a_key_pressed_in_a_question_holds_it_until_another_is_answered() {
        use crate::vocab::Cd19;
        let s = after([Action::Hold(Field::Diagnosis), Action::Pick(Field::Diagnosis, Some(B_ALL))]);
        assert_eq!(folded(&s), [], "arrowing through the options is no answer to fold yet");
        // Tab and a key in the next question: still nothing folds until it is answered.
        let s = reduce(s, Action::Hold(Field::Cd19));
        assert_eq!(s.held, Some(Field::Cd19));
        let s = reduce(s, Action::Pick(Field::Cd19, Some(Value::Cd19(Cd19::Positive))));
        assert_eq!(folded(&s), [Field::Diagnosis]);
    }

    #[test]
    fn an_answer_that_changes_the_verdict_stays_in_full_beside_it() {
        // T-ALL is off label whatever else is answered.
        let t_all = Value::Diagnosis(Diagnosis::TAll);
        let s = after([typed(Field::AgeYears, "45"), Action::Pick(Field::Diagnosis, Some(t_all))]);
        assert_eq!(s.verdict, Verdict::OffLabel);
        assert_eq!((s.changed, folded(&s)), (Some(Field::Diagnosis), vec![Field::AgeYears]));
        // A key in it leaves it so; acting on another question folds it.
        let s = reduce(s, Action::Hold(Field::Diagnosis));
        assert_eq!(s.changed, Some(Field::Diagnosis));
        let s = reduce(s, Action::Reopen(Field::AgeYears));
        assert_eq!((s.changed, folded(&s)), (None, vec![Field::Diagnosis]));
        // Back to B-ALL by a tap: the verdict changes again (no longer off label), so it stays.
        let s = reduce(s, Action::Pick(Field::Diagnosis, Some(B_ALL)));
        assert_eq!((s.verdict, s.changed), (Verdict::Incomplete, Some(Field::Diagnosis)));
    }

    #[test]
    fn not_known_folds_and_reopening_takes_it_back() {
        let s = after([Action::MarkUnknown(Field::Cd19)]);
        assert_eq!(folded(&s), [Field::Cd19]);
        let s = reduce(s, Action::Reopen(Field::Cd19));
        assert!(!s.is_unknown(Field::Cd19), "reopened, it waits for an answer again");
        assert_eq!((s.held, folded(&s)), (Some(Field::Cd19), vec![]));
    }

    #[test]
    fn an_entry_the_checker_cannot_read_never_folds() {
        let s = after([typed(Field::MrdPercent, "abc"), Action::Pick(Field::Diagnosis, Some(B_ALL))]);
        assert!(s.is_answered(Field::MrdPercent) && s.held.is_none());
        assert_eq!(folded(&s), [Field::Diagnosis], "its error stays in sight");
    }
}
