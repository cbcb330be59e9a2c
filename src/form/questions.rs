//! The questions of the form: which are asked now, in which order, and each in words with how
//! it is answered, ready for a renderer that only lays them out.

use super::state::State;
use crate::i18n::{hint, strings, AgeUnit};
use crate::patient::Value;
use crate::vocab::{Field, Jurisdiction, Lang};

/// One question of the form, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The field asked; its contract name is the controls' `name`.
    pub field: Field,
    /// Asked now. A question that is not asked stays in the form, hidden.
    pub shown: bool,
    /// The question.
    pub label: &'static str,
    /// The hint under it: the dataset's definition of the field, else the strings table's.
    pub hint: Option<&'static str>,
    /// How it is answered.
    pub kind: Kind,
}

/// How a question is answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// By typing a number.
    Typed {
        /// The text as typed.
        text: String,
        /// Why the text cannot be used, in words.
        error: Option<String>,
        /// Words after the input ("%" for MRD).
        suffix: Option<&'static str>,
        /// Whole numbers only (the counts).
        whole: bool,
        /// The unit the number is typed in, for the age only (years or months).
        unit: Option<AgeUnit>,
    },
    /// By picking one of the options.
    Choice {
        /// The options in the contract's order, each with its words.
        options: Vec<(Value, &'static str)>,
        /// The option picked.
        value: Option<Value>,
        /// Shown as chosen while nothing is picked: the checker's assumption (monotherapy).
        default: Option<Value>,
        /// Words after the default option while it is only assumed.
        default_note: Option<&'static str>,
    },
}

/// Every question of the form in clinical (contract) order, each with whether it is shown:
/// those the checker still needs (`missing`) and every one already answered, even with text it
/// cannot read. The jurisdiction is the [`Switch`], not a question; the optional monotherapy
/// question is always shown, last.
///
/// The others stay in the form, hidden, so that a changed answer toggles an attribute instead of
/// building and removing whole fieldsets (docs/benchmarks.md: update latency).
pub fn questions(state: &State, missing: &[Field], lang: Lang) -> Vec<Question> {
    let asked = |f: Field| f == Field::Monotherapy || missing.contains(&f) || state.is_answered(f);
    let mut order: Vec<Field> =
        Field::ALL.iter().copied().filter(|f| !matches!(f, Field::Jurisdiction | Field::Monotherapy)).collect();
    order.push(Field::Monotherapy);
    order.into_iter().map(|f| question(state, f, asked(f), lang)).collect()
}

/// One question in words.
fn question(state: &State, field: Field, shown: bool, lang: Lang) -> Question {
    let t = strings(lang);
    let kind = if field.is_numeric() {
        Kind::Typed {
            text: state.text(field).to_string(),
            error: state.entry(field).err().map(|e| (t.entry_error)(field, e, state.age_unit)),
            suffix: (field == Field::MrdPercent).then_some("%"),
            whole: !matches!(field, Field::AgeYears | Field::MrdPercent),
            unit: (field == Field::AgeYears).then_some(state.age_unit),
        }
    } else {
        let assumed = field == Field::Monotherapy;
        Kind::Choice {
            options: Value::choices(field).into_iter().map(|v| (v, (t.option)(v))).collect(),
            value: state.picked.get(field),
            default: assumed.then_some(Value::Flag(true)),
            default_note: assumed.then_some(t.assumed),
        }
    };
    Question { field, shown, label: (t.question)(field), hint: hint(lang, field), kind }
}

/// The Sweden / Norway switch over the questions: whose recommendations apply. Not a question
/// of the patient: it is always shown, starts at the `jurisdiction` attribute and has no hint.
#[derive(Clone, Debug, PartialEq)]
pub struct Switch {
    pub legend: &'static str,
    /// The jurisdictions, each with its words.
    pub options: Vec<(Value, &'static str)>,
    /// The jurisdiction picked.
    pub value: Option<Value>,
}

impl Switch {
    pub fn of(state: &State, lang: Lang) -> Switch {
        let t = strings(lang);
        Switch {
            legend: t.jurisdiction_legend,
            options: Jurisdiction::ALL.iter().map(|j| (Value::Jurisdiction(*j), (t.jurisdiction_option)(*j))).collect(),
            value: state.picked.jurisdiction.map(Value::Jurisdiction),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{after, typed};
    use crate::form::state::Action;
    use crate::vocab::{Diagnosis, Jurisdiction::*};

    /// The fields shown, as the widget asks them: with what the checker still needs.
    fn shown(state: &State) -> Vec<Field> {
        let missing = crate::evaluate(&state.patient()).missing;
        questions(state, &missing, Lang::En).into_iter().filter(|q| q.shown).map(|q| q.field).collect()
    }

    #[test]
    fn every_question_but_the_jurisdiction_in_contract_order_monotherapy_last() {
        let all: Vec<Field> = questions(&State::new(Se), &[], Lang::Sv).into_iter().map(|q| q.field).collect();
        let mut expected: Vec<Field> = Field::ALL[1..].to_vec();
        expected.retain(|f| *f != Field::Monotherapy);
        expected.push(Field::Monotherapy);
        assert_eq!(Field::ALL[0], Field::Jurisdiction);
        assert_eq!(all, expected);
    }

    #[test]
    fn the_questions_shown_are_those_still_needed_and_those_answered() {
        // Nothing answered: what the checker needs, and the optional monotherapy.
        let s = State::new(Se);
        let mut needed = crate::evaluate(&s.patient()).missing;
        needed.push(Field::Monotherapy);
        assert_eq!(shown(&s), needed);
        // Without any need, only the answered questions and monotherapy remain.
        let s = after([
            typed(Field::MrdPercent, "0,5"),
            Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::TAll))),
        ]);
        let fields: Vec<Field> =
            questions(&s, &[], Lang::Sv).into_iter().filter(|q| q.shown).map(|q| q.field).collect();
        assert_eq!(fields, [Field::Diagnosis, Field::MrdPercent, Field::Monotherapy]);
    }

    #[test]
    fn an_answer_the_checker_cannot_read_keeps_its_question() {
        // T-ALL is off label whatever else is answered: the checker needs nothing more.
        let s = after([
            Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::TAll))),
            typed(Field::MrdPercent, "abc"),
        ]);
        assert!(crate::evaluate(&s.patient()).missing.is_empty());
        assert_eq!(shown(&s), [Field::Diagnosis, Field::MrdPercent, Field::Monotherapy]);
        let mrd = questions(&s, &[], Lang::En).into_iter().find(|q| q.field == Field::MrdPercent).unwrap();
        let Kind::Typed { text, error, .. } = mrd.kind else { panic!("MRD is typed") };
        assert_eq!(text, "abc");
        assert!(error.is_some(), "the question says why it cannot be read");
    }

    #[test]
    fn typed_questions_say_how_they_are_typed() {
        // 121 is no age in years but is one in months; no count has a fraction.
        let s = after([
            typed(Field::AgeYears, "121"),
            Action::SetAgeUnit(AgeUnit::Months),
            typed(Field::TkiFailures, "1,5"),
        ]);
        for q in questions(&s, &[], Lang::Sv) {
            let Kind::Typed { text, error, suffix, whole, unit } = q.kind else {
                assert!(!q.field.is_numeric(), "{:?} is typed", q.field);
                continue;
            };
            assert!(q.field.is_numeric(), "{:?} is chosen", q.field);
            assert_eq!(text, s.text(q.field));
            assert_eq!(suffix, (q.field == Field::MrdPercent).then_some("%"), "{:?}", q.field);
            assert_eq!(
                whole,
                matches!(q.field, Field::RelapseNumber | Field::PriorTherapyLines | Field::TkiFailures),
                "{:?}",
                q.field
            );
            assert_eq!(unit, (q.field == Field::AgeYears).then_some(AgeUnit::Months), "{:?}", q.field);
            assert_eq!(error.is_some(), q.field == Field::TkiFailures, "{:?}: {error:?}", q.field);
        }
    }

    #[test]
    fn choice_questions_offer_the_contracts_values_in_words() {
        let s = after([Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::BPrecursorAll)))]);
        let t = strings(Lang::Nb);
        for q in questions(&s, &[], Lang::Nb) {
            assert_eq!(q.label, (t.question)(q.field));
            assert_eq!(q.hint, hint(Lang::Nb, q.field));
            let Kind::Choice { options, value, default, default_note } = q.kind else { continue };
            let values: Vec<Value> = options.iter().map(|(v, _)| *v).collect();
            assert_eq!(values, Value::choices(q.field), "{:?}", q.field);
            assert!(options.iter().all(|(v, words)| *words == (t.option)(*v) && !words.is_empty()));
            assert_eq!(value, s.picked.get(q.field));
            // Only monotherapy has an assumed answer: yes, said to be assumed.
            if q.field == Field::Monotherapy {
                assert_eq!((default, default_note), (Some(Value::Flag(true)), Some(t.assumed)));
            } else {
                assert_eq!((default, default_note), (None, None), "{:?}", q.field);
            }
        }
    }

    #[test]
    fn the_switch_shows_the_jurisdiction_picked() {
        let s = after([Action::Pick(Field::Jurisdiction, Some(Value::Jurisdiction(No)))]);
        let switch = Switch::of(&s, Lang::Sv);
        assert_eq!(switch.legend, strings(Lang::Sv).jurisdiction_legend);
        assert_eq!(
            switch.options.iter().map(|(v, _)| *v).collect::<Vec<_>>(),
            [Value::Jurisdiction(Se), Value::Jurisdiction(No)]
        );
        assert_eq!(switch.value, Some(Value::Jurisdiction(No)));
        assert_eq!(Switch::of(&State::new(Se), Lang::Sv).value, Some(Value::Jurisdiction(Se)));
    }
}
