//! The questions of the form: which are asked now, in which order, and each in words with how
//! it is answered, ready for a renderer that only lays them out.

use super::entry::{error_words, AgeUnit};
use super::state::State;
use crate::assessment::Assessment;
use super::answer::fact;
use crate::i18n::{hint, percent_below, strings};
use crate::patient::{Patient, Value};
use crate::vocab::{Field, Jurisdiction, Lang, Unit, Verdict};

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
    /// Whether the person can say they do not know the answer, or has.
    pub unknown: Unknown,
    /// Folded to one line, with the answer ([`State::folds`]), or in full.
    pub fold: Option<Fold>,
}

/// An answered question folded to one line, in the manner of GOV.UK's "Check your answers":
/// "Ålder: 45 år · Ändra". The whole line is one button that reopens the question.
#[derive(Clone, Debug, PartialEq)]
pub struct Fold {
    /// The question's short name ("Ålder").
    pub name: &'static str,
    /// The answer in words ("45 år", "B-prekursor-ALL", "inte känt").
    pub answer: String,
    /// The word that reopens it ("Ändra").
    pub change: &'static str,
}

/// "I do not know": an open question need not stop the form (an unknown is never guessed: the
/// answer then says what is missing).
#[derive(Clone, Debug, PartialEq)]
pub enum Unknown {
    /// Answered, or monotherapy while assumed: nothing to say.
    NotOffered,
    /// Open: a button with these words ("Vet inte") marks it not known; `about` (the field's
    /// short name) completes its accessible name ("Vet inte: Ålder").
    Offer { words: &'static str, about: &'static str },
    /// Marked not known: the note that says so, naming the question ("Ålder: inte känt. …"),
    /// said when it is marked. The question is folded ([`Fold`]): its line reopens it.
    Marked { note: String },
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

/// How many unanswered questions the form shows at once: the next ones, in clinical order, that
/// can still change the answer. Tried at 1, 2 and 3 on the public examples (README, "The
/// ward-tablet flow"): taps and scrolling came out the same within one tap, so the choice is what
/// a screen holds. On a 768×1024 tablet two open questions leave the verdict bar and the start of
/// the answer on the first screen, three filled it down to the bar, and one showed too little of
/// what comes next; on a 360×740 phone only one fits above the bar whatever the number (issue 12:
/// the bar below the form, no question folded).
pub const AT_ONCE: usize = 2;

/// The fields in the order the form asks them: the contract's (clinical) order without the
/// jurisdiction (the [`Switch`]), the optional monotherapy last.
fn clinical_order() -> impl Iterator<Item = Field> {
    let asked = Field::ALL.iter().copied().filter(|f| !matches!(f, Field::Jurisdiction | Field::Monotherapy));
    asked.chain([Field::Monotherapy])
}

/// Whether the answer to `field` can still change the verdict: a field the checker still needs
/// (`missing`: in Ph-positive disease, or while it could be, `monotherapy` too), or an assumed
/// monotherapy (Ph-negative disease) unless the use is off label already.
fn can_change(state: &State, field: Field, missing: &[Field], verdict: Verdict) -> bool {
    missing.contains(&field)
        || (field == Field::Monotherapy && state.picked.monotherapy_assumed() && verdict != Verdict::OffLabel)
}

/// The fields asked now, in clinical order: every one already answered (even with text the
/// checker cannot read: it is never dropped) or said not to be known, and the first [`AT_ONCE`]
/// unanswered ones that can still change the answer.
pub fn asked(state: &State, missing: &[Field], verdict: Verdict) -> Vec<Field> {
    let mut open = 0;
    clinical_order()
        .filter(|&f| {
            if state.is_answered(f) || state.is_unknown(f) {
                return true;
            }
            let next = open < AT_ONCE && can_change(state, f, missing, verdict);
            open += usize::from(next);
            next
        })
        .collect()
}

/// Every question of the form in clinical order, each with whether it is asked now ([`asked`]).
/// The jurisdiction is the [`Switch`], not a question.
pub fn questions(state: &State, a: &Assessment, lang: Lang) -> Vec<Question> {
    questions_kept(state, a, lang, |_, _| true)
}

/// The questions of [`questions`] that `keep` accepts, given each field and whether it is asked
/// now; the others are not put into words. The widget keeps a question from the first time it
/// is asked, hidden while not asked, so that a changed answer toggles an attribute instead of
/// building and removing whole fieldsets (docs/benchmarks.md: update latency), and the first
/// screen builds only what it shows (load).
pub fn questions_kept(
    state: &State,
    a: &Assessment,
    lang: Lang,
    mut keep: impl FnMut(Field, bool) -> bool,
) -> Vec<Question> {
    let shown = asked(state, &a.missing, a.verdict);
    clinical_order()
        .filter_map(|f| {
            let asked_now = shown.contains(&f);
            keep(f, asked_now).then(|| question(state, &a.input, f, asked_now, lang))
        })
        .collect()
}

/// One question in words; `p` is the state's patient (the assessment's input).
fn question(state: &State, p: &Patient, field: Field, shown: bool, lang: Lang) -> Question {
    let t = strings(lang);
    let kind = if field.is_numeric() {
        Kind::Typed {
            text: state.text(field).to_string(),
            error: state.entry(field).err().map(|e| error_words(lang, field, e, state.age_unit)),
            // The field table's unit and kind (`vocab::input_fields`): "%" after a percentage,
            // whole numbers for a count, the age's unit choice for a number of years.
            suffix: field.unit().and_then(Unit::symbol),
            whole: field.is_whole(),
            unit: (field.unit() == Some(Unit::Years)).then_some(state.age_unit),
        }
    } else {
        // Only a monotherapy the checker assumes (Ph-negative disease) is shown as chosen; in
        // Ph-positive disease, where Blincyto is often combined with a TKI, nothing is.
        let assumed = field == Field::Monotherapy && state.picked.monotherapy_assumed();
        Kind::Choice {
            options: Value::choices(field).into_iter().map(|v| (v, (t.option)(v))).collect(),
            value: state.picked.get(field),
            default: assumed.then_some(Value::Flag(true)),
            default_note: assumed.then_some(t.assumed),
        }
    };
    let unknown = if state.is_unknown(field) {
        Unknown::Marked { note: (t.unknown_marked)((t.field_name)(field)) }
    } else if state.is_answered(field) || (field == Field::Monotherapy && state.picked.monotherapy_assumed()) {
        Unknown::NotOffered
    } else {
        Unknown::Offer { words: t.unknown_button, about: (t.field_name)(field) }
    };
    let fold = state.folds(field).then(|| fold(state, p, field, lang));
    Question { field, shown, label: (t.question)(field), hint: hint(lang, field), kind, unknown, fold }
}

/// The folded line of `field` (of a question that folds: [`State::folds`]) for the state's
/// patient `p`.
fn fold(state: &State, p: &Patient, field: Field, lang: Lang) -> Fold {
    let t = strings(lang);
    Fold { name: (t.field_name)(field), answer: answer(state, p, field, lang), change: t.change }
}

/// The answer to `field` in words, as its folded line shows it: the fact as the record writes it
/// ([`fact`]: "45 år", "ja (CR2)"), an MRD typed as a bound ("< 0,01 %"), or "inte känt".
fn answer(state: &State, p: &Patient, field: Field, lang: Lang) -> String {
    if state.is_unknown(field) {
        return strings(lang).unknown_short.to_string();
    }
    if let (Field::MrdPercent, Some(bound)) = (field, state.mrd_below()) {
        return percent_below(lang, bound);
    }
    p.get(field).map(|v| fact(lang, p, field, v)).unwrap_or_default()
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
    /// Folded to one line ("Land: Sverige · Ändra") once the patient is being described.
    pub fold: Option<Fold>,
}

impl Switch {
    /// The switch for `state`, whose patient is `p` ([`State::patient`], the assessment's input).
    pub fn of(state: &State, p: &Patient, lang: Lang) -> Switch {
        let t = strings(lang);
        Switch {
            legend: t.jurisdiction_legend,
            options: Jurisdiction::ALL.iter().map(|j| (Value::Jurisdiction(*j), (t.jurisdiction_option)(*j))).collect(),
            value: state.picked.jurisdiction.map(Value::Jurisdiction),
            fold: state.folds(Field::Jurisdiction).then(|| fold(state, p, Field::Jurisdiction, lang)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{after, typed};
    use crate::form::state::{reduce, Action};
    use crate::vocab::{Diagnosis, Jurisdiction::*};

    /// The fields shown, as the widget asks them: with the checker's answer for the state.
    fn shown(state: &State) -> Vec<Field> {
        let a = crate::evaluate(&state.patient());
        questions(state, &a, Lang::En).into_iter().filter(|q| q.shown).map(|q| q.field).collect()
    }

    /// Of the fields shown, those without an answer.
    fn open(state: &State) -> Vec<Field> {
        shown(state).into_iter().filter(|f| !state.is_answered(*f)).collect()
    }

    #[test]
    fn every_question_but_the_jurisdiction_in_contract_order_monotherapy_last() {
        let s = State::new(Se);
        let all: Vec<Field> = questions(&s, &crate::evaluate(&s.patient()), Lang::Sv).into_iter().map(|q| q.field).collect();
        let mut expected: Vec<Field> = Field::ALL[1..].to_vec();
        expected.retain(|f| *f != Field::Monotherapy);
        expected.push(Field::Monotherapy);
        assert_eq!(Field::ALL[0], Field::Jurisdiction);
        assert_eq!(all, expected);
    }

    #[test]
    fn only_the_kept_questions_are_put_into_words() {
        let s = after([typed(Field::AgeYears, "45")]);
        let a = crate::evaluate(&s.patient());
        let all = questions(&s, &a, Lang::Sv);
        let mut seen = Vec::new();
        let kept = questions_kept(&s, &a, Lang::Sv, |f, asked| {
            seen.push((f, asked));
            asked
        });
        // `keep` hears of every question, with whether it is asked now, in order.
        assert_eq!(seen, all.iter().map(|q| (q.field, q.shown)).collect::<Vec<_>>());
        assert_eq!(kept, all.into_iter().filter(|q| q.shown).collect::<Vec<_>>());
    }

    #[test]
    fn an_empty_form_asks_the_first_questions_the_checker_needs_no_more() {
        let s = State::new(Se);
        let needed = crate::evaluate(&s.patient()).missing;
        assert!(needed.len() > AT_ONCE, "the empty form needs {needed:?}");
        assert_eq!(shown(&s), needed[..AT_ONCE]);
    }

    #[test]
    fn answering_reveals_the_next_question_and_keeps_the_answer() {
        let s = State::new(Se);
        let first = shown(&s);
        let s = after([typed(Field::AgeYears, "45")]);
        let now = shown(&s);
        assert_eq!(now[0], Field::AgeYears, "the answered question stays");
        assert_eq!(open(&s).len(), AT_ONCE, "{now:?}");
        assert!(now.iter().any(|f| !first.contains(f)), "a new question appears: {first:?} → {now:?}");
    }

    #[test]
    fn monotherapy_comes_last_and_only_while_it_can_change_the_answer() {
        // A child in second relapse bridging to a transplant, everything answered but
        // monotherapy: the answer is decided and only the assumed monotherapy is open.
        let p = crate::fixtures::child_bridging();
        let actions = Field::ALL[1..].iter().filter_map(|&f| Some(Action::enter(f, p.get(f)?)));
        let s = after(actions);
        assert_ne!(crate::evaluate(&s.patient()).verdict, Verdict::Incomplete);
        assert_eq!(open(&s), [Field::Monotherapy]);
        // T-ALL is off label whatever else is answered: no question is open, not even monotherapy.
        let s = after([Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::TAll)))]);
        assert_eq!(crate::evaluate(&s.patient()).verdict, Verdict::OffLabel);
        assert_eq!(shown(&s), [Field::Diagnosis]);
    }

    #[test]
    fn changing_an_earlier_answer_rederives_the_open_questions_and_drops_no_answer() {
        let s = after([
            typed(Field::AgeYears, "45"),
            Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::BPrecursorAll))),
            typed(Field::MrdPercent, "0,5"),
        ]);
        let before = open(&s);
        // Off label now: nothing is open, every answer is still shown.
        let s = reduce(s, Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::TAll))));
        assert_eq!(shown(&s), [Field::AgeYears, Field::Diagnosis, Field::MrdPercent]);
        // Back to B-ALL: the same questions are open again.
        let s = reduce(s, Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::BPrecursorAll))));
        assert_eq!(open(&s), before);
    }

    #[test]
    fn an_answer_the_checker_cannot_read_keeps_its_question() {
        // T-ALL is off label whatever else is answered: the checker needs nothing more.
        let s = after([
            Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::TAll))),
            typed(Field::MrdPercent, "abc"),
        ]);
        assert!(crate::evaluate(&s.patient()).missing.is_empty());
        assert_eq!(shown(&s), [Field::Diagnosis, Field::MrdPercent]);
        let a = crate::evaluate(&s.patient());
        let mrd = questions(&s, &a, Lang::En).into_iter().find(|q| q.field == Field::MrdPercent).unwrap();
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
        // The contract's numeric fields, as the form shows them: (field, suffix, whole, unit).
        let expected = [
            (Field::AgeYears, None, false, Some(AgeUnit::Months)),
            (Field::RelapseNumber, None, true, None),
            (Field::MrdPercent, Some("%"), false, None),
            (Field::PriorTherapyLines, None, true, None),
            (Field::TkiFailures, None, true, None),
        ];
        let mut seen = Vec::new();
        for q in questions(&s, &crate::evaluate(&s.patient()), Lang::Sv) {
            let Kind::Typed { text, error, suffix, whole, unit } = q.kind else {
                assert!(!q.field.is_numeric(), "{:?} is typed", q.field);
                continue;
            };
            assert!(q.field.is_numeric(), "{:?} is chosen", q.field);
            assert_eq!(text, s.text(q.field));
            seen.push((q.field, suffix, whole, unit));
            assert_eq!(error.is_some(), q.field == Field::TkiFailures, "{:?}: {error:?}", q.field);
        }
        assert_eq!(seen, expected);
    }

    #[test]
    fn choice_questions_offer_the_contracts_values_in_words() {
        let s = after([Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::BPrecursorAll)))]);
        let t = strings(Lang::Nb);
        for q in questions(&s, &crate::evaluate(&s.patient()), Lang::Nb) {
            assert_eq!(q.label, (t.question)(q.field));
            assert_eq!(q.hint, hint(Lang::Nb, q.field));
            let Kind::Choice { options, value, default, default_note } = q.kind else { continue };
            let values: Vec<Value> = options.iter().map(|(v, _)| *v).collect();
            assert_eq!(values, Value::choices(q.field), "{:?}", q.field);
            assert!(options.iter().all(|(v, words)| *words == (t.option)(*v) && !words.is_empty()));
            assert_eq!(value, s.picked.get(q.field));
            // Philadelphia status not given: nothing is shown as chosen, not even monotherapy.
            assert_eq!((default, default_note), (None, None), "{:?}", q.field);
        }
    }

    /// Issue 19, item 1: an adult, 60 years, Ph+ B-ALL in relapse after two failed TKIs and no
    /// other options, in Sweden. Blincyto is often combined with a TKI here (off label), so the
    /// monotherapy question shows nothing as chosen, can be marked not known, and the answer
    /// waits for it. In Ph-negative disease "Ja" stays the assumed answer, said to be assumed.
    #[test]
    fn item1_monotherapy_is_asked_not_assumed_in_ph_positive_disease() {
        use crate::vocab::{Cd19, DiseaseStatus, Philadelphia};
        let s = after([
            typed(Field::AgeYears, "60"),
            Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::BPrecursorAll))),
            Action::Pick(Field::Cd19, Some(Value::Cd19(Cd19::Positive))),
            Action::Pick(Field::Philadelphia, Some(Value::Philadelphia(Philadelphia::Positive))),
            Action::Pick(Field::DiseaseStatus, Some(Value::DiseaseStatus(DiseaseStatus::Relapsed))),
            typed(Field::RelapseNumber, "1"),
            Action::Pick(Field::InRemission, Some(Value::Flag(false))),
            typed(Field::TkiFailures, "2"),
            Action::Pick(Field::OtherOptionsAvailable, Some(Value::Flag(false))),
            Action::Pick(Field::PlannedAlloHsct, Some(Value::Flag(false))),
        ]);
        let a = crate::evaluate(&s.patient());
        assert_eq!(a.verdict, Verdict::Incomplete);
        assert_eq!(a.missing, [Field::Monotherapy]);
        assert_eq!(a.possible_verdicts, [Verdict::NoRecommendation, Verdict::OffLabel]);
        assert!(a.assumptions.is_empty(), "{:?}", a.assumptions);
        assert_eq!(open(&s), [Field::Monotherapy]);
        let t = strings(Lang::Sv);
        let q = questions(&s, &a, Lang::Sv).into_iter().find(|q| q.field == Field::Monotherapy).unwrap();
        let Kind::Choice { value, default, default_note, .. } = q.kind else { panic!("monotherapy is chosen") };
        assert_eq!((value, default, default_note), (None, None, None));
        assert_eq!(q.unknown, Unknown::Offer { words: "Vet inte", about: "Monoterapi" });
        // The same patient with Ph-negative disease: "Ja" is assumed, and said to be.
        let s = reduce(s, Action::Pick(Field::Philadelphia, Some(Value::Philadelphia(Philadelphia::Negative))));
        let a = crate::evaluate(&s.patient());
        assert_eq!(a.verdict, Verdict::NoRecommendation);
        let q = questions(&s, &a, Lang::Sv).into_iter().find(|q| q.field == Field::Monotherapy).unwrap();
        let Kind::Choice { default, default_note, .. } = q.kind else { panic!("monotherapy is chosen") };
        assert_eq!((default, default_note), (Some(Value::Flag(true)), Some(t.assumed)));
        assert_eq!(q.unknown, Unknown::NotOffered);
    }

    #[test]
    fn the_switch_shows_the_jurisdiction_picked() {
        let s = after([Action::Pick(Field::Jurisdiction, Some(Value::Jurisdiction(No)))]);
        let switch = Switch::of(&s, &s.patient(), Lang::Sv);
        assert_eq!(switch.legend, strings(Lang::Sv).jurisdiction_legend);
        assert_eq!(
            switch.options.iter().map(|(v, _)| *v).collect::<Vec<_>>(),
            [Value::Jurisdiction(Se), Value::Jurisdiction(No)]
        );
        assert_eq!(switch.value, Some(Value::Jurisdiction(No)));
        let new = State::new(Se);
        assert_eq!(Switch::of(&new, &new.patient(), Lang::Sv).value, Some(Value::Jurisdiction(Se)));
    }

    /// The folded lines' exact words in the three languages: the question's short name, the
    /// answer as the record writes it, the word that reopens it.
    #[test]
    fn answered_questions_fold_to_one_line_in_each_language() {
        use crate::vocab::Philadelphia;
        let s = after([
            typed(Field::AgeYears, "45"),
            Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::BPrecursorAll))),
            Action::MarkUnknown(Field::Cd19),
            Action::Pick(Field::Philadelphia, Some(Value::Philadelphia(Philadelphia::Negative))),
            typed(Field::MrdPercent, "< 0,01"),
            Action::Pick(Field::InRemission, Some(Value::Flag(true))),
        ]);
        let a = crate::form::assess(&s);
        let line = |lang| -> Vec<String> {
            questions(&s, &a, lang)
                .into_iter()
                .filter_map(|q| q.fold.map(|f| format!("{}: {} · {}", f.name, f.answer, f.change)))
                .collect()
        };
        assert_eq!(
            line(Lang::Sv),
            [
                "Ålder: 45 år · Ändra",
                "Diagnos: B-prekursor-ALL · Ändra",
                "CD19: inte känt · Ändra",
                "Philadelphiakromosom: Ph-negativ · Ändra",
                "Komplett remission: ja · Ändra",
                "MRD: <\u{a0}0,01\u{a0}% · Ändra",
            ]
        );
        let switch = Switch::of(&s, &a.input, Lang::Sv).fold.expect("the switch folds once the patient is described");
        assert_eq!(format!("{}: {} · {}", switch.name, switch.answer, switch.change), "Land: Sverige · Ändra");
        assert_eq!(line(Lang::Nb)[0], "Alder: 45 år · Endre");
        assert_eq!(line(Lang::Nb)[2], "CD19: ikke kjent · Endre");
        assert_eq!(line(Lang::En)[0], "Age: 45 years · Change");
        assert_eq!(line(Lang::En)[2], "CD19: not known · Change");
        // Remission in a relapse is written as the record writes it, with its number.
        use crate::vocab::DiseaseStatus;
        let s = after([
            Action::Pick(Field::DiseaseStatus, Some(Value::DiseaseStatus(DiseaseStatus::Relapsed))),
            typed(Field::RelapseNumber, "1"),
            Action::Pick(Field::InRemission, Some(Value::Flag(true))),
            Action::Pick(Field::Diagnosis, Some(Value::Diagnosis(Diagnosis::BPrecursorAll))),
        ]);
        let remission = questions(&s, &crate::form::assess(&s), Lang::Sv).into_iter().find(|q| q.field == Field::InRemission);
        let line = remission.and_then(|q| q.fold).map(|f| format!("{}: {} · {}", f.name, f.answer, f.change));
        assert_eq!(line.as_deref(), Some("Komplett remission: ja (CR2) · Ändra"));
        // An open question, and the one being typed, are in full.
        let open = after([typed(Field::AgeYears, "45")]);
        assert!(questions(&open, &crate::form::assess(&open), Lang::Sv).iter().all(|q| q.fold.is_none()));
    }
}
