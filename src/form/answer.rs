//! The answer in words, ready to show: the indications with their criteria, the deciding
//! recommendations and the notes, each with the source sentences they rest on. What the answer
//! shows and in which group is decided here; the renderer only lays it out.

use crate::assessment::{Assessment, Assumption, Check, CriterionCheck, Decision, IndicationCheck, LabelStatus};
use crate::dataset::Source;
use crate::i18n::{self, capitalize, strings};
use crate::patient::{Patient, Value};
use crate::summary;
use crate::vocab::{Field, Lang, Verdict};

/// One criterion line, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub status: Check,
    /// The criterion in words.
    pub words: String,
    /// The patient's values of the fields it reads, in words.
    pub values: String,
}

impl Row {
    /// A criterion check in words: the criterion, and the patient's values of the fields it reads.
    pub fn of(check: &CriterionCheck<'_>, patient: &Patient, lang: Lang) -> Row {
        let t = strings(lang);
        let assumed = |f: Field| f == Field::Monotherapy && patient.monotherapy_assumed();
        let values: Vec<String> = check
            .fields
            .iter()
            // A decided criterion did not need the unanswered fields: leave them out.
            .filter(|f| check.status == Check::Unknown || patient.get(*f).is_some() || assumed(*f))
            .map(|f| {
                let v = match patient.get(f) {
                    Some(v) => summary::fact(lang, patient, f, v),
                    // An unanswered monotherapy in Ph-negative disease is the checker's
                    // assumption, not an unknown.
                    None if assumed(f) => {
                        format!("{} {}", i18n::value(lang, f, Value::Flag(true)), t.assumed)
                    }
                    None => t.not_given.to_string(),
                };
                format!("{}: {v}", (t.field_name)(f))
            })
            .collect();
        Row { status: check.status, words: capitalize(&(t.criterion)(check.criterion)), values: values.join("; ") }
    }

    /// Every criterion of an indication, or only those not met.
    pub fn all(ind: &IndicationCheck<'_>, patient: &Patient, lang: Lang, only_unmet: bool) -> Vec<Row> {
        ind.criteria
            .iter()
            .filter(|c| !only_unmet || c.status == Check::NotMet)
            .map(|c| Row::of(c, patient, lang))
            .collect()
    }
}

/// An indication with its criteria, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicationView {
    /// The indication's wording.
    pub name: &'static str,
    pub criteria: Vec<Row>,
}

impl IndicationView {
    /// An indication with all its criteria, or only those not met.
    pub fn of(ind: &IndicationCheck<'static>, patient: &Patient, lang: Lang, only_unmet: bool) -> IndicationView {
        IndicationView { name: ind.indication.name.get(lang), criteria: Row::all(ind, patient, lang, only_unmet) }
    }
}

/// The indications of a decided answer, in three groups.
#[derive(Clone, Debug, PartialEq)]
pub struct Indications {
    /// Those the patient's answers fit, with every criterion.
    pub matched: Vec<IndicationView>,
    /// When the use is on label whatever the open answers are, though no single indication is
    /// certain: the candidates, with every criterion (what is still open among them).
    pub candidates: Option<Vec<IndicationView>>,
    /// Those the answers do not fit, each with only the criteria not met.
    pub others: Vec<IndicationView>,
}

impl Indications {
    pub fn of(a: &Assessment<'static>, patient: &Patient, lang: Lang) -> Indications {
        let group = |status: Check, only_unmet: bool| -> Vec<IndicationView> {
            a.indications
                .iter()
                .filter(|i| i.status == status)
                .map(|i| IndicationView::of(i, patient, lang, only_unmet))
                .collect()
        };
        let matched = group(Check::Met, false);
        let candidates =
            (matched.is_empty() && a.label.status == LabelStatus::OnLabel).then(|| group(Check::Unknown, false));
        Indications { matched, candidates, others: group(Check::NotMet, true) }
    }
}

/// The verdict box: the answer in plain words and everything that must be read with it, in
/// sight at once (issue 19): the conditions of a "yes, with conditions", the assumption a yes
/// rests on, and what an incomplete answer can already say.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictBox {
    pub verdict: Verdict,
    pub headline: String,
    pub explainer: String,
    /// The conditions of the deciding decisions.
    pub conditions: Vec<&'static str>,
    /// What the answer assumes (monotherapy, not stated in Ph-negative disease).
    pub assumptions: Vec<&'static str>,
    /// An incomplete answer: the answers still possible, or each value's answer.
    pub possible: Vec<String>,
}

impl VerdictBox {
    pub fn of(a: &Assessment<'static>, patient: &Patient, lang: Lang) -> VerdictBox {
        let t = strings(lang);
        VerdictBox {
            verdict: a.verdict,
            headline: summary::headline(a, lang),
            explainer: i18n::explainer(a, lang),
            conditions: summary::conditions(a, lang),
            assumptions: a
                .assumptions
                .iter()
                .map(|x| match x {
                    Assumption::Monotherapy => t.assumption_monotherapy,
                })
                .collect(),
            possible: summary::possible_answers(a, patient, lang),
        }
    }
}

/// Sentences of one source, verbatim, ready to show as a quotation: in the source's language
/// (`lang`), with its publisher and title, date and link.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteView {
    pub texts: Vec<&'static str>,
    /// The source's language: the quotation's, never the widget's.
    pub lang: &'static str,
    /// Publisher and title.
    pub source: String,
    /// The source's date in the widget's language.
    pub date: String,
    pub url: &'static str,
}

impl QuoteView {
    /// `texts` of `source`, dated in the widget's language.
    pub fn of(source: &'static Source, texts: &[&'static str], lang: Lang) -> QuoteView {
        QuoteView {
            texts: texts.to_vec(),
            lang: &source.lang,
            source: format!("{}: {}", source.publisher, source.title),
            date: i18n::date(lang, &source.date),
            url: &source.url,
        }
    }
}

/// A deciding recommendation in words, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionView {
    pub title: &'static str,
    /// The label before `decided_by`, by the status ("Beslutat av", "Behandlas av").
    pub decided_by_label: &'static str,
    pub decided_by: &'static str,
    pub status: &'static str,
    pub date: String,
    pub case: Option<&'static str>,
    /// Why the rule decides as it does, in the widget's language.
    pub reason: &'static str,
    pub conditions: Vec<&'static str>,
    /// The source sentence the decision rests on.
    pub quote: QuoteView,
}

impl DecisionView {
    pub fn of(d: &Decision<'static>, lang: Lang) -> DecisionView {
        let t = strings(lang);
        let rec = d.recommendation;
        DecisionView {
            title: rec.title.get(lang),
            decided_by_label: (t.decided_by)(rec.status),
            decided_by: &rec.decided_by,
            status: (t.status)(rec.status),
            date: i18n::date(lang, &rec.date),
            case: rec.case.as_deref(),
            reason: d.reason.get(lang),
            conditions: rec.conditions.iter().map(|c| c.get(lang)).collect(),
            // A memo that restates the decision is cited as that memo, with the decision it
            // restates (issue 19, item 9).
            quote: QuoteView { source: i18n::cited_as(lang, d.source, rec.case.as_deref()), ..QuoteView::of(d.source, &[d.quote], lang) },
        }
    }

    /// The deciding recommendations of an answer, each once (several rules can rest on one).
    pub fn all(a: &Assessment<'static>, lang: Lang) -> Vec<DecisionView> {
        let mut seen: Vec<&str> = Vec::new();
        a.decision
            .iter()
            .filter(|d| {
                let new = !seen.contains(&&*d.recommendation.id);
                seen.push(&d.recommendation.id);
                new
            })
            .map(|d| DecisionView::of(d, lang))
            .collect()
    }
}

/// A note of the answer, ready to show: its text in the widget's language, then the sentences it
/// rests on, verbatim and in their own language (only those are a quotation).
#[derive(Clone, Debug, PartialEq)]
pub struct NoteView {
    pub text: &'static str,
    /// One quotation per source cited, in the order cited.
    pub quotes: Vec<QuoteView>,
}

impl NoteView {
    /// Every note of an answer.
    pub fn all(a: &Assessment<'static>, lang: Lang) -> Vec<NoteView> {
        a.notes
            .iter()
            .map(|n| {
                let cites = core::iter::once(&n.cite).chain(n.also_cite.iter());
                let quotes = summary::cited_quotes(crate::data::dataset(), cites);
                NoteView {
                    text: n.text.get(lang),
                    quotes: quotes.iter().map(|(source, texts)| QuoteView::of(source, texts, lang)).collect(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::child_bridging;
    use crate::vocab::{Cd19, Diagnosis, DiseaseStatus, IndicationId, Jurisdiction, Philadelphia, Verdict};

    /// An adult in first relapse with MRD in Norway, remission not given: no, whichever of the
    /// two adult indications it turns out to be.
    fn adult_first_relapse_norway() -> Patient {
        Patient {
            jurisdiction: Some(Jurisdiction::No),
            age_years: Some(45.0),
            diagnosis: Some(Diagnosis::BPrecursorAll),
            cd19: Some(Cd19::Positive),
            philadelphia: Some(Philadelphia::Negative),
            disease_status: Some(DiseaseStatus::Relapsed),
            relapse_number: Some(1),
            mrd_percent: Some(0.5),
            ..Patient::default()
        }
    }

    fn t_all() -> Patient {
        Patient { jurisdiction: Some(Jurisdiction::Se), diagnosis: Some(Diagnosis::TAll), ..Patient::default() }
    }

    fn names(views: &[IndicationView]) -> Vec<&'static str> {
        views.iter().map(|v| v.name).collect()
    }

    fn name(id: IndicationId, lang: Lang) -> &'static str {
        crate::data::dataset().indication(id).unwrap().name.get(lang)
    }

    #[test]
    fn a_criterion_in_words_with_the_values_it_read() {
        let p = child_bridging();
        let a = crate::evaluate(&p);
        let check = |id: IndicationId| a.indications.iter().find(|i| i.id == id).unwrap();
        let row = |words: &str, values: &str, status: Check| Row { status, words: words.into(), values: values.into() };
        let adult_mrd = Row::all(check(IndicationId::AdultMrdPositive), &p, Lang::En, false);
        assert_eq!(adult_mrd.len(), check(IndicationId::AdultMrdPositive).criteria.len());
        // Monotherapy, not answered: the checker's assumption, said so.
        assert_eq!(
            adult_mrd[0],
            row("Blincyto as monotherapy", "Monotherapy: yes (assumed unless stated)", Check::Met)
        );
        // Every field the criterion read, in the contract's order.
        assert!(adult_mrd.contains(&row(
            "In first or second complete remission (CR1 or CR2)",
            "Disease phase: Relapse; Relapse number: 2; Complete remission: no",
            Check::NotMet,
        )));
        // An open criterion names what is not given.
        assert!(adult_mrd.contains(&row("MRD ≥\u{a0}0.1%", "MRD: not given", Check::Unknown)));
        // A decided criterion leaves out the fields it did not need: Ph-negative settles the
        // Ph-positive clause without TKI failures or other options.
        let adult_rr = Row::all(check(IndicationId::AdultRelapsedRefractory), &p, Lang::En, false);
        let ph = adult_rr.iter().find(|r| r.values.starts_with("Philadelphia")).unwrap();
        assert_eq!((ph.status, &*ph.values), (Check::Met, "Philadelphia chromosome: Ph-negative"));
        // Only the criteria not met, when asked.
        let unmet = Row::all(check(IndicationId::AdultMrdPositive), &p, Lang::En, true);
        assert_eq!(
            unmet.iter().map(|r| &*r.words).collect::<Vec<_>>(),
            ["Age at least 18 years", "In first or second complete remission (CR1 or CR2)"]
        );
    }

    #[test]
    fn a_yes_shows_its_indication_and_why_the_others_do_not_fit() {
        let p = child_bridging();
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::Yes);
        let ind = Indications::of(&a, &p, Lang::Sv);
        assert_eq!(names(&ind.matched), [name(IndicationId::PaediatricRelapsedRefractory, Lang::Sv)]);
        assert!(ind.matched[0].criteria.iter().all(|r| r.status == Check::Met));
        assert_eq!(ind.candidates, None);
        assert_eq!(ind.others.len(), 4);
        assert!(ind
            .others
            .iter()
            .all(|o| !o.criteria.is_empty() && o.criteria.iter().all(|r| r.status == Check::NotMet)));
    }

    #[test]
    fn on_label_without_a_certain_indication_shows_the_candidates() {
        let p = adult_first_relapse_norway();
        let a = crate::evaluate(&p);
        assert_eq!((a.verdict, a.label.status), (Verdict::No, LabelStatus::OnLabel));
        let ind = Indications::of(&a, &p, Lang::Nb);
        assert!(ind.matched.is_empty());
        let candidates = ind.candidates.expect("the candidates");
        assert_eq!(
            names(&candidates),
            [name(IndicationId::AdultRelapsedRefractory, Lang::Nb), name(IndicationId::AdultMrdPositive, Lang::Nb)]
        );
        // With every criterion: what is still open is among them.
        assert!(candidates.iter().all(|c| c.criteria.iter().any(|r| r.status == Check::Unknown)));
        assert_eq!(ind.others.len(), 3);
    }

    #[test]
    fn off_label_shows_every_indication_with_what_does_not_fit() {
        let p = t_all();
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::OffLabel);
        let ind = Indications::of(&a, &p, Lang::En);
        assert!(ind.matched.is_empty());
        assert_eq!(ind.candidates, None, "off label: no candidates");
        assert_eq!(ind.others.len(), a.indications.len());
        // Each with the one criterion not met, and only the value it read.
        for other in &ind.others {
            assert_eq!(other.criteria.len(), 1, "{other:?}");
            assert_eq!((other.criteria[0].status, &*other.criteria[0].values), (Check::NotMet, "Diagnosis: T-ALL"));
        }
    }

    /// The decision card of an adult in CR1 with MRD in Norway, word for word in Norwegian: the
    /// decision, who made it under which label, its status, date and case, the rule's reason,
    /// the conditions, and the memo quoted as the memo that restates the decision.
    #[test]
    fn a_decision_in_words_quotes_its_source() {
        let p = Patient {
            jurisdiction: Some(Jurisdiction::No),
            age_years: Some(45.0),
            diagnosis: Some(Diagnosis::BPrecursorAll),
            cd19: Some(Cd19::Positive),
            philadelphia: Some(Philadelphia::Negative),
            disease_status: Some(DiseaseStatus::NewlyDiagnosed),
            in_remission: Some(true),
            mrd_percent: Some(0.5),
            consolidation: Some(false),
            planned_allo_hsct: Some(false),
            ..Patient::default()
        };
        let a = crate::evaluate(&p);
        assert_eq!(a.verdict, Verdict::YesWithConditions);
        let view = DecisionView::of(&a.decision[0], Lang::Nb);
        assert_eq!(
            view,
            DecisionView {
                title: "ID2019_118: MRD-positiv Ph-negativ B-celleprekursor ALL hos voksne",
                decided_by_label: "Besluttet av",
                decided_by: "Beslutningsforum for nye metoder",
                status: "Innført med vilkår",
                date: "22.11.2021".into(),
                case: Some("ID2019_118"),
                reason: "Beslutningsforum innførte Blincyto 22.11.2021 for MRD-positiv ALL hos voksne i første fullstendige remisjon, med vilkår (ID2019_118).",
                conditions: vec![
                    "Sykdommen er i første fullstendige remisjon (CR1).",
                    "Behandlingen følger det nasjonale handlingsprogrammet.",
                    "Bare én kur blinatumomab gis etter konsolidering.",
                ],
                quote: QuoteView {
                    texts: vec!["Det foreligger beslutning fra Beslutningsforum for nye metoder (22.11.2021), og metoden ble besluttet innført som monoterapi til behandling av voksne med Philadelphia-kromosomnegativ CD19-positiv B-prekursor ALL som er MRD-positiv ≥0,1%, under definerte vilkår."],
                    lang: "nb",
                    source: "Direktoratet for medisinske produkter (DMP), Nye metoder: Notat til Bestillerforum i sak ID2017_067, som gjengir beslutningen i ID2019_118".into(),
                    date: "11.10.2024".into(),
                    url: "https://www.nyemetoder.no/",
                },
            }
        );
    }

    #[test]
    fn each_deciding_recommendation_is_shown_once() {
        let mut a = crate::evaluate(&child_bridging());
        assert_eq!(DecisionView::all(&a, Lang::Sv).len(), 1);
        // Two rules resting on the same recommendation.
        a.decision.push(a.decision[0].clone());
        assert_eq!(DecisionView::all(&a, Lang::Sv), [DecisionView::of(&a.decision[0], Lang::Sv)]);
        let mut other = crate::evaluate(&adult_first_relapse_norway()).decision[0].clone();
        assert_ne!(other.recommendation.id, a.decision[0].recommendation.id);
        other.verdict = Verdict::No;
        a.decision.push(other);
        assert_eq!(DecisionView::all(&a, Lang::Sv).len(), 2);
    }

    #[test]
    fn a_quotation_keeps_its_sources_language_and_the_date_follows_the_widget() {
        let a = crate::evaluate(&child_bridging());
        let source = a.decision[0].source;
        assert_eq!(source.lang, "sv");
        let q = QuoteView::of(source, &[a.decision[0].quote], Lang::Nb);
        assert_eq!(q.lang, "sv");
        assert_eq!((&*source.date, &*q.date), ("undated", "udatert"));
    }

    #[test]
    fn notes_come_with_the_sentences_they_cite() {
        let a = crate::evaluate(&child_bridging());
        let notes = NoteView::all(&a, Lang::En);
        assert_eq!(notes.len(), a.notes.len());
        assert!(notes.len() >= 2);
        let d = crate::data::dataset();
        for (view, note) in notes.iter().zip(&a.notes) {
            assert_eq!(view.text, note.text.en);
            // Every sentence cited, verbatim, each source once.
            let cited: Vec<&str> = core::iter::once(&note.cite)
                .chain(note.also_cite.iter())
                .map(|c| &*d.quote(c).unwrap().1.text)
                .collect();
            let quoted: Vec<&str> = view.quotes.iter().flat_map(|q| q.texts.iter().copied()).collect();
            assert_eq!(quoted.len(), cited.len(), "{}", note.id);
            assert!(cited.iter().all(|c| quoted.contains(c)), "{}", note.id);
            let mut urls: Vec<&str> = view.quotes.iter().map(|q| q.url).collect();
            urls.dedup();
            assert_eq!(urls.len(), view.quotes.len(), "{}", note.id);
        }
        assert!(notes.iter().any(|n| n.quotes.len() + n.quotes.iter().map(|q| q.texts.len()).sum::<usize>() > 2));
    }
}
