//! The notes that go with a verdict (../shared/contract/README.md, "Notes that go with a verdict"):
//! each goes with exactly the answers the contract names, as soon as the verdict is decided, and
//! never changes the verdict.

use blincyto_checker::evaluate;
use blincyto_checker::vocab::{DiseaseStatus, Jurisdiction, Verdict};
use blincyto_checker::Patient;
use blincyto_model::patients::{self, in_jurisdiction};

// The test patients come from their one home (`blincyto_model::patients`); each note's rule is
// tried on the same patient in both countries.

/// "adult MRD-positive CR1, Norway" with consolidation not answered yet.
fn adult_mrd_cr1(j: Jurisdiction) -> Patient {
    in_jurisdiction(j, Patient { consolidation: None, ..patients::adult_mrd_positive_cr1_norway() })
}

fn child_second_relapse(j: Jurisdiction) -> Patient {
    in_jurisdiction(j, patients::child_second_relapse())
}

fn adult_refractory(j: Jurisdiction) -> Patient {
    in_jurisdiction(j, patients::adult_refractory())
}

fn adult_consolidation(j: Jurisdiction) -> Patient {
    in_jurisdiction(j, patients::adult_consolidation())
}

/// "adult Ph-positive refractory after two TKIs, no alternatives, Norway", no transplant planned
/// (which Sweden asks).
fn adult_refractory_ph_positive(j: Jurisdiction) -> Patient {
    in_jurisdiction(j, Patient { planned_allo_hsct: Some(false), ..patients::adult_ph_positive_refractory_norway() })
}

fn child_high_risk_first_relapse(j: Jurisdiction) -> Patient {
    in_jurisdiction(j, patients::child_high_risk_first_relapse_norway())
}

fn notes(p: &Patient) -> (Verdict, Vec<String>) {
    let a = evaluate(p);
    (a.verdict, a.notes.iter().map(|n| n.id.to_string()).collect())
}

#[test]
fn the_norwegian_conditions_go_with_mrd_positive_cr1_even_before_consolidation_is_known() {
    let (verdict, ids) = notes(&adult_mrd_cr1(Jurisdiction::No));
    assert_eq!(verdict, Verdict::YesWithConditions);
    assert_eq!(ids, ["id2019-118-conditions-verbatim", "id2017-067-bridging"]);
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
    assert!(!notes(&child_second_relapse(Jurisdiction::No)).1.contains(&"tlv-assessed-relapsed-refractory-children".to_string()));
    assert!(!notes(&adult_refractory(Jurisdiction::Se)).1.contains(&"tlv-assessed-relapsed-refractory-children".to_string()));
}

#[test]
fn rcc_and_svall_go_with_swedish_adults_on_the_relapsed_refractory_indication_only() {
    let (verdict, ids) = notes(&adult_refractory(Jurisdiction::Se));
    assert_eq!(verdict, Verdict::NoRecommendation);
    assert_eq!(ids, ["rcc-svall-consensus-adults"]);
    assert!(!notes(&adult_refractory(Jurisdiction::No)).1.contains(&"rcc-svall-consensus-adults".to_string()));
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

/// Item 2 of issue 19: the care programme's list is for relapsed Ph-negative B-ALL, so its note
/// never goes with a Ph-positive answer.
#[test]
fn item2_rcc_note_only_for_ph_negative() {
    let (verdict, ids) = notes(&adult_refractory_ph_positive(Jurisdiction::Se));
    assert_eq!(verdict, Verdict::NoRecommendation, "on the relapsed/refractory indication");
    assert_eq!(evaluate(&adult_refractory_ph_positive(Jurisdiction::Se)).label.indications.len(), 1);
    assert!(!ids.contains(&"rcc-svall-consensus-adults".to_string()), "item 2: the RCC note reached a Ph-positive patient: {ids:?}");
    // Ph-negative: still there.
    assert!(notes(&adult_refractory(Jurisdiction::Se)).1.contains(&"rcc-svall-consensus-adults".to_string()));
}

/// Item 3 of issue 19: in Norway, every decided answer on the relapsed/refractory, MRD-positive
/// or a paediatric indication carries DMP's view of bridging (ID2017_067), transplant planned or
/// not; never the consolidation indication, never Sweden.
#[test]
fn item3_norwegian_bridging_note_goes_with_every_decided_answer_on_its_indications() {
    const NOTE: &str = "id2017-067-bridging";
    let has = |p: &Patient| notes(p).1.contains(&NOTE.to_string());
    let mut cases = vec![
        (adult_refractory(Jurisdiction::No), Verdict::No),
        (adult_mrd_cr1(Jurisdiction::No), Verdict::YesWithConditions),
        (Patient { disease_status: Some(DiseaseStatus::Relapsed), relapse_number: Some(1), ..adult_mrd_cr1(Jurisdiction::No) }, Verdict::No),
        (child_second_relapse(Jurisdiction::No), Verdict::Pending),
        (child_high_risk_first_relapse(Jurisdiction::No), Verdict::Pending),
        (Patient { age_years: Some(0.5), ..child_second_relapse(Jurisdiction::No) }, Verdict::NoRecommendation),
    ];
    // The Norwegian form never asks about a planned transplant: the note must not wait for it.
    for (p, _) in cases.iter_mut() {
        p.planned_allo_hsct = None;
    }
    for (p, verdict) in &cases {
        assert_eq!(evaluate(p).verdict, *verdict, "{p:?}");
        assert!(has(p), "item 3: no bridging note for {verdict}: {p:?}");
        assert!(!has(&Patient { jurisdiction: Some(Jurisdiction::Se), ..p.clone() }), "not in Sweden");
    }
    assert!(!has(&adult_consolidation(Jurisdiction::No)), "not on adult consolidation");
    // Next to a "Nei" it must not read as approval: covered by the marketing authorisation's
    // indications, whether introduced follows from the decision for that indication.
    let a = evaluate(&adult_refractory(Jurisdiction::No));
    let note = a.notes.iter().find(|n| &*n.id == NOTE).unwrap();
    assert_eq!(
        &*note.text.nb,
        "Bro til transplantasjon er ingen egen indikasjon i Norge. DMP vurderer at slik bruk er dekket av indikasjonene i markedsføringstillatelsen (ID2017_067, 11.10.2024). Det betyr ikke at bruken er innført; det avgjøres av beslutningen for pasientens indikasjon. En planlagt transplantasjon endrer ikke svaret."
    );
    assert!(note.text.sv.contains("indikationerna i marknadsföringstillståndet") && note.text.sv.contains("Det betyder inte att den är införd"), "{}", note.text.sv);
    assert!(note.text.en.contains("indications of the marketing authorisation") && note.text.en.contains("That does not mean it is introduced"), "{}", note.text.en);
}

/// Item 7 of issue 19: "pending" for a child's high-risk first relapse in Norway says, in plain
/// words and with its source, the one practical fact: the group-exemption application in Helse
/// Vest RHF.
#[test]
fn item7_pending_high_risk_first_relapse_names_the_group_exemption_application() {
    const NOTE: &str = "id2021-036-group-exemption";
    let a = evaluate(&child_high_risk_first_relapse(Jurisdiction::No));
    assert_eq!(a.verdict, Verdict::Pending);
    let note = a.notes.iter().find(|n| &*n.id == NOTE).unwrap_or_else(|| panic!("item 7: no group-exemption note"));
    assert!(note.text.nb.contains("søknad om gruppeunntak i Helse Vest RHF"), "{}", note.text.nb);
    assert!(note.text.sv.contains("ansökan om gruppundantag (gruppeunntak) i Helse Vest RHF"), "{}", note.text.sv);
    assert!(note.text.en.contains("application for a group exemption (gruppeunntak) in Helse Vest RHF"), "{}", note.text.en);
    // Cited from the sentence that says it.
    assert_eq!((&*note.cite.source, &*note.cite.quote), ("dmp-2024-10-11", "id2021-036-status"));
    assert!(a.sources.iter().any(|s| s.id == note.cite.source));
    // Only on that indication: not for the relapsed/refractory children of ID2021_047.
    assert!(!notes(&child_second_relapse(Jurisdiction::No)).1.contains(&NOTE.to_string()));
    assert!(!notes(&child_high_risk_first_relapse(Jurisdiction::Se)).1.contains(&NOTE.to_string()));
}
