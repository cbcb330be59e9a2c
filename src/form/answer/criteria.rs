//! The indications of an answer in words: each with its criteria, met or not or open, and the
//! patient's values each criterion read.

use super::words::fact;
use crate::assessment::{Assessment, Check, CriterionCheck, IndicationCheck, LabelStatus};
use crate::i18n::{self, capitalize, strings};
use crate::patient::{Patient, Value};
use crate::vocab::{Field, Lang};

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
                    Some(v) => fact(lang, patient, f, v),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{adult_first_relapse_mrd_norway, t_all};
    use crate::fixtures::child_bridging;
    use crate::vocab::{IndicationId, Verdict};

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
        let p = adult_first_relapse_mrd_norway();
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
}
