//! The overview's cells in words: for each indication and country, a badge per rule of the
//! dataset with the verdict, when it applies and who decided when.

use crate::dataset::JurisdictionData;
use crate::i18n::{self, strings};
use crate::vocab::{Criterion, IndicationId, Lang, RecommendationStatus, Verdict};

/// One badge of a cell: a verdict, when it applies, and who decided when.
#[derive(Clone, Debug, PartialEq)]
pub struct Badge {
    pub verdict: Verdict,
    /// The rule's conditions in words; `None` when it applies to the whole indication.
    pub when: Option<String>,
    /// The recommendation's case number (else who decided) and date; without a date when there
    /// is no assessment (no decision, so nothing to date as one); empty when the rule's basis is
    /// no recommendation of the jurisdiction.
    pub by: String,
}

/// The badges of one jurisdiction for one indication, in the dataset's rule order.
pub fn badges(j: &JurisdictionData, ind: IndicationId, lang: Lang) -> Vec<Badge> {
    let t = strings(lang);
    j.rules
        .iter()
        .filter(|r| r.indications.contains(&ind))
        .map(|rule| {
            let when = match &rule.when[..] {
                [] => None,
                [one] => Some((t.criterion)(one)),
                many => Some((t.criterion)(&Criterion::AllOf(many.to_vec().into()))),
            };
            let by = match j.recommendation(&rule.basis) {
                Some(rec) => {
                    let who = rec.case.clone().unwrap_or_else(|| rec.decided_by.clone());
                    match rec.status {
                        RecommendationStatus::NoAssessment => who.to_string(),
                        _ => format!("{who}, {}", i18n::date(lang, &rec.date)),
                    }
                }
                None => String::new(),
            };
            Badge { verdict: rule.verdict, when, by }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Jurisdiction;

    #[test]
    fn a_cell_has_one_badge_per_rule_in_the_datasets_order() {
        let d = crate::data::dataset();
        for j in d.jurisdictions.iter() {
            for ind in d.indications.iter() {
                let rules: Vec<_> = j.rules.iter().filter(|r| r.indications.contains(&ind.id)).collect();
                let cell = badges(j, ind.id, Lang::Sv);
                assert_eq!(
                    cell.iter().map(|b| b.verdict).collect::<Vec<_>>(),
                    rules.iter().map(|r| r.verdict).collect::<Vec<_>>()
                );
                for (badge, rule) in cell.iter().zip(&rules) {
                    assert_eq!(badge.when.is_none(), rule.when.is_empty(), "{}", rule.basis);
                    if let Some(rec) = j.recommendation(&rule.basis) {
                        let who = rec.case.as_deref().unwrap_or(&rec.decided_by);
                        if rec.status == RecommendationStatus::NoAssessment {
                            assert_eq!(badge.by, who);
                        } else {
                            assert_eq!(badge.by, format!("{who}, {}", i18n::date(Lang::Sv, &rec.date)));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_swedish_bridging_rule_says_when_it_applies() {
        let se = crate::data::dataset().jurisdiction(Jurisdiction::Se).unwrap();
        let cell = badges(se, IndicationId::PaediatricRelapsedRefractory, Lang::Sv);
        let bridging = cell.iter().find(|b| b.verdict == Verdict::Yes).expect("a yes in the cell");
        let when = bridging.when.as_deref().expect("a condition");
        assert!(when.contains("stamcellstransplantation"), "{when}");
        // Several conditions read as one, in words.
        assert!(cell.iter().filter_map(|b| b.when.as_deref()).all(|w| !w.is_empty()));
    }

    #[test]
    fn a_rule_with_several_conditions_says_them_all() {
        // No rule of the dataset has two conditions yet: give one of Sweden's rules a second.
        let mut se = crate::data::dataset().jurisdiction(Jurisdiction::Se).unwrap().clone();
        let conditions: Vec<Criterion> = se.rules.iter().flat_map(|r| r.when.iter().cloned()).collect();
        let (first, second) =
            (conditions[0].clone(), conditions.iter().find(|c| **c != conditions[0]).unwrap().clone());
        let rule = se.rules.to_mut().iter_mut().find(|r| r.when.len() == 1).unwrap();
        rule.when = vec![first.clone(), second.clone()].into();
        let ind = rule.indications[0];
        let t = strings(Lang::Sv);
        let cell = badges(&se, ind, Lang::Sv);
        let when =
            cell.iter().find_map(|b| b.when.as_deref().filter(|w| w.contains(" och "))).expect("both conditions");
        assert!(when.contains(&(t.criterion)(&first)) && when.contains(&(t.criterion)(&second)), "{when}");
    }

    /// Item 9 of issue 19: "no national decision" is no decision of Nye metoder's, so it is not
    /// dated as one (it was dated with ecancer's report of the EU approval), and a status is not
    /// said twice on one line (titles name the subject; the status is given beside them).
    #[test]
    fn item9_no_assessment_is_not_dated_as_a_nye_metoder_decision() {
        let d = crate::data::dataset();
        let no = d.jurisdiction(Jurisdiction::No).unwrap();
        let cell = badges(no, IndicationId::AdultNewlyDiagnosedConsolidation, Lang::Nb);
        assert_eq!(cell.len(), 1);
        assert_eq!((cell[0].verdict, &*cell[0].by), (Verdict::NoRecommendation, "Nye metoder"), "item 9");
        let rec = no.recommendation("no-adult-consolidation-not-assessed").unwrap();
        assert_eq!(&*rec.date, "undated", "item 9: 2025-01-30 is ecancer's date, not a Nye metoder decision's");
        // A decision keeps its case and date.
        let cell = badges(no, IndicationId::AdultMrdPositive, Lang::Nb);
        assert_eq!(cell[0].by, "ID2019_118, 22.11.2021");
        // No title ends with, or repeats, its status: the overview, the decision card and the
        // record summary give the status beside the title.
        for j in d.jurisdictions.iter() {
            for rec in j.recommendations.iter() {
                for lang in Lang::ALL {
                    let status = crate::i18n::lowercase_first((strings(*lang).status)(rec.status));
                    let title = rec.title.get(*lang).to_lowercase();
                    assert!(!title.contains(&status), "item 9: {lang} title of {} repeats its status {status:?}: {title}", rec.id);
                }
            }
        }
        assert_eq!(&*no.recommendation("id2019-118").unwrap().title.nb, "ID2019_118: MRD-positiv Ph-negativ B-celleprekursor ALL hos voksne");
    }
}
