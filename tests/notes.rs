//! The notes that go with a verdict (../shared/contract/README.md, "Notes that go with a verdict"):
//! each goes with exactly the answers the contract names, as soon as the verdict is decided, and
//! never changes the verdict.

use blincyto_checker::evaluate;
use blincyto_checker::vocab::{Cd19, Diagnosis, DiseaseStatus, Jurisdiction, Philadelphia, Verdict};
use blincyto_checker::Patient;

fn b_all(j: Jurisdiction, age: f64) -> Patient {
    Patient {
        jurisdiction: Some(j),
        age_years: Some(age),
        diagnosis: Some(Diagnosis::BPrecursorAll),
        cd19: Some(Cd19::Positive),
        philadelphia: Some(Philadelphia::Negative),
        ..Patient::default()
    }
}

/// An adult in first complete remission with MRD 0.5 %; consolidation not answered.
fn adult_mrd_cr1(j: Jurisdiction) -> Patient {
    Patient {
        disease_status: Some(DiseaseStatus::NewlyDiagnosed),
        in_remission: Some(true),
        mrd_percent: Some(0.5),
        ..b_all(j, 45.0)
    }
}

/// A child in a second active relapse after two lines, no transplant planned.
fn child_second_relapse(j: Jurisdiction) -> Patient {
    Patient {
        disease_status: Some(DiseaseStatus::Relapsed),
        relapse_number: Some(2),
        in_remission: Some(false),
        prior_therapy_lines: Some(2),
        prior_allo_hsct: Some(false),
        planned_allo_hsct: Some(false),
        ..b_all(j, 8.0)
    }
}

fn adult_refractory(j: Jurisdiction) -> Patient {
    Patient { disease_status: Some(DiseaseStatus::Refractory), planned_allo_hsct: Some(false), ..b_all(j, 45.0) }
}

fn adult_consolidation(j: Jurisdiction) -> Patient {
    Patient {
        disease_status: Some(DiseaseStatus::NewlyDiagnosed),
        in_remission: Some(true),
        mrd_percent: Some(0.0),
        consolidation: Some(true),
        planned_allo_hsct: Some(false),
        ..b_all(j, 45.0)
    }
}

fn notes(p: &Patient) -> (Verdict, Vec<String>) {
    let a = evaluate(p);
    (a.verdict, a.notes.iter().map(|n| n.id.to_string()).collect())
}

#[test]
fn the_norwegian_conditions_go_with_mrd_positive_cr1_even_before_consolidation_is_known() {
    let (verdict, ids) = notes(&adult_mrd_cr1(Jurisdiction::No));
    assert_eq!(verdict, Verdict::YesWithConditions);
    assert_eq!(ids, ["id2019-118-conditions-verbatim"]);
    let a = evaluate(&adult_mrd_cr1(Jurisdiction::No));
    let note = a.notes[0];
    let source = a.sources.iter().find(|s| s.id == note.cite.source).expect("the note's source is among the answer's");
    assert_eq!(&*source.lang, "nb", "quoted in Norwegian, verbatim");
    // Not in Sweden, not in CR2 (outside ID2019_118's conditions, but still on the indication).
    assert!(notes(&adult_mrd_cr1(Jurisdiction::Se)).1.is_empty());
}

#[test]
fn tlv_goes_with_swedish_children_on_a_paediatric_indication_only() {
    let (verdict, ids) = notes(&child_second_relapse(Jurisdiction::Se));
    assert_eq!(verdict, Verdict::No, "the note is context: the answer stays no");
    assert_eq!(ids, ["tlv-assessed-relapsed-refractory-children"]);
    assert!(notes(&child_second_relapse(Jurisdiction::No)).1.is_empty());
    assert!(!notes(&adult_refractory(Jurisdiction::Se)).1.contains(&"tlv-assessed-relapsed-refractory-children".to_string()));
}

#[test]
fn rcc_and_svall_go_with_swedish_adults_on_the_relapsed_refractory_indication_only() {
    let (verdict, ids) = notes(&adult_refractory(Jurisdiction::Se));
    assert_eq!(verdict, Verdict::NoRecommendation);
    assert_eq!(ids, ["rcc-svall-consensus-adults"]);
    assert!(notes(&adult_refractory(Jurisdiction::No)).1.is_empty());
    assert!(notes(&adult_mrd_cr1(Jurisdiction::Se)).1.is_empty());
}

#[test]
fn denmark_goes_with_adult_consolidation_in_both_countries_and_changes_nothing() {
    for j in Jurisdiction::ALL {
        let (verdict, ids) = notes(&adult_consolidation(*j));
        assert_eq!(verdict, Verdict::NoRecommendation, "{j}");
        assert_eq!(ids, ["denmark-consolidation-recommended"], "{j}");
    }
    assert!(!notes(&adult_refractory(Jurisdiction::No)).1.contains(&"denmark-consolidation-recommended".to_string()));
}

#[test]
fn no_note_before_the_verdict_is_decided() {
    let mut p = adult_mrd_cr1(Jurisdiction::No);
    p.mrd_percent = None;
    assert_eq!(evaluate(&p).verdict, Verdict::Incomplete);
    assert!(evaluate(&p).notes.is_empty());
}
