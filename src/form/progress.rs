//! Where the form stands, in words: the compact verdict bar that stays in sight while the form is
//! scrolled, and the message of the live region. Both say the same: the verdict's headline once
//! the answer is decided (short on the bar); before the first answer an invitation; else "no answer yet" (or
//! "not yes", when no answer left can be yes) with the most questions the form can still ask.

use super::state::State;
use crate::assessment::{most_questions, Assessment};
use crate::i18n::strings;
use crate::vocab::{Field, FieldSet, Lang, Verdict};

/// The verdict bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub verdict: Verdict,
    /// The short headline ("Ja – som brygga till transplantation"), or "Inget svar ännu –
    /// högst 3 frågor kvar", short enough for two lines on a phone.
    pub words: String,
    /// What the live region says: the same, but the full headline once decided (a screen reader
    /// has no two lines to fit).
    pub spoken: String,
}

impl Progress {
    /// The bar for the form `state` and its answer `a` (`crate::evaluate(&state.patient())`).
    pub fn of(state: &State, a: &Assessment, lang: Lang) -> Progress {
        let t = strings(lang);
        let words = match a.verdict {
            Verdict::Incomplete if !state.has_begun() => t.bar_invitation.to_string(),
            Verdict::Incomplete => {
                let not_yes = !a.possible_verdicts.iter().any(|v| matches!(v, Verdict::Yes | Verdict::YesWithConditions));
                let (d, dg) = (crate::data::dataset(), crate::data::diagrams());
                // An MRD typed as a bound is answered, though the checker does not have it.
                let mut skip = state.marked_unknown();
                if state.mrd_below().is_some() {
                    skip = skip.union(FieldSet::of(&[Field::MrdPercent]));
                }
                match most_questions(d, dg, &state.patient(), skip) {
                    0 => (t.bar_no_more_questions)(not_yes),
                    n => (t.bar_questions_left)(not_yes, n),
                }
            }
            _ => short_headline(a, lang),
        };
        let spoken = match a.verdict {
            Verdict::Incomplete => words.clone(),
            _ => super::answer::headline(a, lang),
        };
        Progress { verdict: a.verdict, words, spoken }
    }
}

/// The headline in a few words: the verdict and the deciding rules' short qualifier
/// ("Ja – som brygga till transplantation"); the answer itself keeps the full headline.
pub fn short_headline(a: &Assessment, lang: Lang) -> String {
    let words = (strings(lang).verdict)(a.verdict);
    match a.qualifier_short() {
        Some(q) => format!("{words} – {}", q.get(lang)),
        None => words.into(),
    }
}

/// Which message of the live region carries the currency notice: the first that announces a
/// decided answer, and no later one. The message stays the same (and carries the notice) while
/// the headline does not change, so re-rendering it says nothing new; the first different
/// headline drops the notice for good. The notice itself stays on screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OnceNotice {
    /// The headline that carries the notice, once one has.
    carrier: Option<String>,
    /// The carrier has been replaced: the notice was announced.
    done: bool,
}

impl OnceNotice {
    /// Whether the message for `headline` carries the notice (call once per render).
    pub fn carries(&mut self, stale: bool, decided: bool, headline: &str) -> bool {
        if !stale || self.done {
            return false;
        }
        match &self.carrier {
            None if decided => {
                self.carrier = Some(headline.to_string());
                true
            }
            None => false,
            Some(h) if h == headline => true,
            Some(_) => {
                self.done = true;
                false
            }
        }
    }
}

impl State {
    /// Whether anything but the jurisdiction has been answered or marked not known.
    pub fn has_begun(&self) -> bool {
        Field::ALL.iter().any(|f| *f != Field::Jurisdiction && (self.is_answered(*f) || self.is_unknown(*f)))
    }
}

/// The typed entries the checker cannot read, each with its field and why ("Ålder: Skriv åldern
/// som ett tal, till exempel 8 eller 0,5."), in the form's order: what the live region says once
/// the input settles, before anything else.
pub fn entry_errors(state: &State, lang: Lang) -> Vec<String> {
    let t = strings(lang);
    crate::vocab::Field::ALL
        .iter()
        .filter_map(|f| state.entry(*f).err().map(|e| format!("{}: {}", (t.field_name)(*f), super::entry::error_words(lang, *f, e, state.age_unit))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{after, child_bridging, typed};
    use crate::form::state::Action;
    use crate::patient::Value;
    use crate::vocab::{Cd19, Diagnosis, DiseaseStatus, Jurisdiction, Philadelphia};

    /// What the live region says first once the input settles: each entry the checker cannot
    /// read, with its question's name and why, in the form's order; nothing when all can be read.
    #[test]
    fn entry_errors_name_each_unreadable_entry_in_the_forms_order() {
        let state = after([typed(Field::MrdPercent, "mycket"), typed(Field::AgeYears, "åtta")]);
        assert_eq!(
            entry_errors(&state, Lang::Sv),
            ["Ålder: Skriv åldern som ett tal, till exempel 8 eller 0,5.", "MRD: Skriv MRD i procent, till exempel 0,1."]
        );
        assert!(entry_errors(&after([typed(Field::AgeYears, "8")]), Lang::Sv).is_empty());
    }

    fn bar(state: &State, lang: Lang) -> String {
        Progress::of(state, &crate::evaluate(&state.patient()), lang).words
    }

    fn pick(field: Field, v: Value) -> Action {
        Action::Pick(field, Some(v))
    }

    /// An adult with Ph-negative relapsed B-ALL in Sweden, `actions` after it.
    fn adult_relapse(more: impl IntoIterator<Item = Action>) -> std::rc::Rc<State> {
        let base = [
            typed(Field::AgeYears, "52"),
            pick(Field::Diagnosis, Value::Diagnosis(Diagnosis::BPrecursorAll)),
            pick(Field::Cd19, Value::Cd19(Cd19::Positive)),
            pick(Field::Philadelphia, Value::Philadelphia(Philadelphia::Negative)),
            pick(Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Refractory)),
        ];
        after(base.into_iter().chain(more))
    }

    #[test]
    fn item12_the_bar_says_the_short_headline_and_the_answer_the_full_one() {
        let yes = crate::evaluate(&child_bridging());
        let s = State::new(Jurisdiction::Se);
        assert_eq!(Progress::of(&s, &yes, Lang::Sv).words, "Ja – som brygga till transplantation");
        assert_eq!(Progress::of(&s, &yes, Lang::Nb).words, "Ja – som bro til transplantasjon");
        assert_eq!(Progress::of(&s, &yes, Lang::En).words, "Yes – as bridge to transplant");
        assert_eq!(crate::form::answer::headline(&yes, Lang::Sv), "Ja – som bryggbehandling inför allogen stamcellstransplantation");
        assert_eq!(Progress::of(&s, &yes, Lang::Sv).spoken, "Ja – som bryggbehandling inför allogen stamcellstransplantation");
        // NT-rådet's advice for children: its qualifier is short already.
        let mut child = child_bridging();
        child.planned_allo_hsct = Some(false);
        let no = crate::evaluate(&child);
        assert_eq!(Progress::of(&s, &no, Lang::Sv).words, "Nej – avstå från generell användning");
        assert_eq!(Progress::of(&s, &no, Lang::Nb).words, "Nei – avstå fra generell bruk");
        assert_eq!(Progress::of(&s, &no, Lang::En).words, "No – refrain from general use");
        assert_eq!(crate::form::answer::headline(&no, Lang::Sv), "Nej – avstå från generell användning");
        // No qualifier: the verdict alone.
        child.jurisdiction = Some(Jurisdiction::No);
        let pending = crate::evaluate(&child);
        assert_eq!(Progress::of(&s, &pending, Lang::Sv).words, "Beslut inväntas");
    }

    #[test]
    fn item13_before_the_first_answer_the_bar_invites() {
        let empty = State::new(Jurisdiction::Se);
        assert_eq!(bar(&empty, Lang::Sv), "Svara på frågorna – svaret visas här");
        assert_eq!(bar(&empty, Lang::Nb), "Svar på spørsmålene – svaret vises her");
        assert_eq!(bar(&empty, Lang::En), "Answer the questions – the answer appears here");
        // Switching country is no answer about the patient.
        let norway = after([pick(Field::Jurisdiction, Value::Jurisdiction(Jurisdiction::No))]);
        assert_eq!(bar(&norway, Lang::Sv), "Svara på frågorna – svaret visas här");
    }

    #[test]
    fn item13_the_count_is_the_most_questions_still_to_ask() {
        // Adult, refractory, Ph-negative in Sweden: only the transplant plan is left (the
        // monotherapy is assumed); `missing` says the same.
        let s = adult_relapse([]);
        assert_eq!(bar(&s, Lang::Sv), "Inget svar ännu – 1 fråga kvar");
        assert_eq!(bar(&s, Lang::Nb), "Ikke noe svar ennå – 1 spørsmål igjen");
        assert_eq!(bar(&s, Lang::En), "No answer yet – 1 question left");
        // After the age alone the form still asks diagnosis, CD19, Ph, status, then at most
        // relapse number or remission…: fewer than the fields `missing` names.
        let s = after([typed(Field::AgeYears, "52")]);
        let a = crate::evaluate(&s.patient());
        let n = most_questions(crate::data::dataset(), crate::data::diagrams(), &s.patient(), s.marked_unknown());
        assert!(n < a.missing.len(), "{n} vs {:?}", a.missing);
        assert_eq!(bar(&s, Lang::Sv), format!("Inget svar ännu – högst {n} frågor kvar"));
        assert_eq!(bar(&s, Lang::Nb), format!("Ikke noe svar ennå – høyst {n} spørsmål igjen"));
        assert_eq!(bar(&s, Lang::En), format!("No answer yet – at most {n} questions left"));
    }

    #[test]
    fn item13_not_yes_and_nothing_left_to_ask() {
        // A refractory adult in Norway with the Philadelphia status not known: "no" if
        // Ph-negative, "no recommendation" or off-label if Ph-positive; never yes.
        let mut s = (*adult_relapse([pick(Field::Jurisdiction, Value::Jurisdiction(Jurisdiction::No))])).clone();
        s.picked.philadelphia = None;
        s.unknown[Field::Philadelphia as usize] = true;
        let a = crate::evaluate(&s.patient());
        assert_eq!(a.verdict, Verdict::Incomplete);
        assert_eq!(a.possible_verdicts, [Verdict::NoRecommendation, Verdict::No, Verdict::OffLabel]);
        // The TKI failures, other options and monotherapy can still be asked.
        assert_eq!(bar(&s, Lang::Sv), "Inte ja – högst 3 frågor kvar");
        assert_eq!(bar(&s, Lang::Nb), "Ikke ja – høyst 3 spørsmål igjen");
        assert_eq!(bar(&s, Lang::En), "Not yes – at most 3 questions left");
        // Every missing fact marked not known: nothing more to ask, and no count.
        a.missing.iter().for_each(|f| s.unknown[*f as usize] = true);
        assert_eq!(bar(&s, Lang::Sv), "Inte ja – inga fler frågor kvar");
        assert_eq!(bar(&s, Lang::Nb), "Ikke ja – ingen flere spørsmål igjen");
        assert_eq!(bar(&s, Lang::En), "Not yes – no more questions left");
        // The same with yes still possible: a Swedish child whose transplant plan is not known.
        let mut child = State::new(Jurisdiction::Se);
        child.picked = child_bridging();
        child.picked.planned_allo_hsct = None;
        child.typed[Field::AgeYears as usize] = "8".into();
        child.typed[Field::RelapseNumber as usize] = "2".into();
        child.typed[Field::PriorTherapyLines as usize] = "2".into();
        assert_eq!(bar(&child, Lang::Sv), "Inget svar ännu – 1 fråga kvar");
        child.unknown[Field::PlannedAlloHsct as usize] = true;
        assert_eq!(bar(&child, Lang::Sv), "Inget svar – inga fler frågor kvar");
        assert_eq!(bar(&child, Lang::Nb), "Ikke noe svar – ingen flere spørsmål igjen");
        assert_eq!(bar(&child, Lang::En), "No answer – no more questions left");
    }

    #[test]
    fn the_notice_goes_with_the_first_decided_answer_only() {
        let mut once = OnceNotice::default();
        // Not stale: never.
        assert!(!once.carries(false, true, "Ja"));
        // Stale, still incomplete: the empty form's message does not carry it.
        assert!(!once.carries(true, false, "Svar saknas"));
        assert!(!once.carries(true, false, "Svar saknas"));
        // The first decided answer carries it, and keeps it while the headline stays.
        assert!(once.carries(true, true, "Nej"));
        assert!(once.carries(true, true, "Nej"));
        // Any later headline does not, not even the first one again.
        assert!(!once.carries(true, true, "Ja, med villkor"));
        assert!(!once.carries(true, true, "Nej"));
        assert!(!once.carries(true, false, "Svar saknas"));
    }

    /// A decided answer of each kind on the bar and in the live region, word for word in
    /// Swedish: the bar shortens the deciding rule's qualifier, the live region says it whole;
    /// without a qualifier both say the verdict alone.
    #[test]
    fn a_decided_answer_shows_its_short_headline() {
        let s = State::new(Jurisdiction::Se);
        let said = |p: &crate::Patient| {
            let bar = Progress::of(&s, &crate::evaluate(p), Lang::Sv);
            (bar.verdict, bar.words, bar.spoken)
        };
        let w = |x: &str| x.to_string();
        assert_eq!(
            said(&child_bridging()),
            (Verdict::Yes, w("Ja – som brygga till transplantation"), w("Ja – som bryggbehandling inför allogen stamcellstransplantation"))
        );
        let t_all = crate::Patient { jurisdiction: Some(Jurisdiction::Se), diagnosis: Some(Diagnosis::TAll), ..crate::Patient::default() };
        assert_eq!(said(&t_all), (Verdict::OffLabel, w("Utanför indikation (off-label)"), w("Utanför indikation (off-label)")));
        let norway = crate::Patient { jurisdiction: Some(Jurisdiction::No), planned_allo_hsct: Some(false), ..child_bridging() };
        assert_eq!(said(&norway), (Verdict::Pending, w("Beslut inväntas"), w("Beslut inväntas")));
    }
}
