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

    fn cell(j: Jurisdiction, ind: IndicationId) -> Vec<(Verdict, Option<String>, String)> {
        let d = crate::data::dataset();
        badges(d.jurisdiction(j).unwrap(), ind, Lang::Nb).into_iter().map(|b| (b.verdict, b.when, b.by)).collect()
    }

    /// Two cells of the overview, word for word in Norwegian: only the rules of the cell's
    /// indication, in the dataset's order, each with its condition (none for a rule of the whole
    /// indication) and the case and date of its decision (no date where nothing was assessed).
    #[test]
    fn a_cell_has_one_badge_per_rule_in_the_datasets_order() {
        let s = |x: &str| x.to_string();
        assert_eq!(
            cell(Jurisdiction::No, IndicationId::AdultMrdPositive),
            [
                (Verdict::YesWithConditions, Some(s("i første fullstendige remisjon (CR1)")), s("ID2019_118, 22.11.2021")),
                (Verdict::No, Some(s("i andre fullstendige remisjon (CR2)")), s("ID2019_118, 22.11.2021")),
            ]
        );
        assert_eq!(
            cell(Jurisdiction::No, IndicationId::PaediatricRelapsedRefractory),
            [
                (Verdict::Pending, Some(s("alder minst 1 år")), s("ID2021_047, 23.09.2024")),
                (Verdict::NoRecommendation, Some(s("alder under 1 år")), s("Nye metoder")),
            ]
        );
        assert_eq!(cell(Jurisdiction::No, IndicationId::AdultNewlyDiagnosedConsolidation), [(Verdict::NoRecommendation, None, s("Nye metoder"))]);
        assert_eq!(
            cell(Jurisdiction::Se, IndicationId::AdultMrdPositive),
            [
                (Verdict::Yes, Some(s("bro til planlagt allogen stamcelletransplantasjon")), s("NT-rådet, udatert")),
                (Verdict::NoRecommendation, Some(s("ingen planlagt allogen stamcelletransplantasjon")), s("NT-rådet")),
            ]
        );
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
