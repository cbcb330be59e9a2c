//! The scope of a note that names indications (../shared/contract/README.md, "Notes that go with
//! a verdict"): it goes to a patient who is on one of them in every completion, also when no
//! single indication is certain yet. The patient is given here as the contract's input (one test,
//! one patient); the shared test patients live elsewhere.

mod common;

use blincyto_checker::evaluate;
use blincyto_checker::vocab::{LabelStatus, Verdict};
use serde_json::json;

/// A Norwegian adult after a first relapse, MRD 1 %, remission not answered: in remission they
/// are in CR2 on `adult-mrd-positive`, not in remission on `adult-relapsed-refractory`. Both
/// routes give "no" in Norway, so the answer is decided and on label though neither indication
/// is certain. DMP's bridging note names both indications, so it goes with this answer; the
/// ID2019_118 note names `adult-mrd-positive` alone, which the patient may not be on, so it does
/// not.
#[test]
fn a_note_goes_to_a_patient_on_its_indications_in_every_completion() {
    let p = common::patient(&json!({
        "jurisdiction": "no", "ageYears": 45, "diagnosis": "b-precursor-all", "cd19": "positive",
        "philadelphia": "negative", "diseaseStatus": "relapsed", "relapseNumber": 1, "mrdPercent": 1,
    }))
    .unwrap();
    let a = evaluate(&p);
    assert_eq!(a.verdict, Verdict::No);
    assert_eq!(a.label.status, LabelStatus::OnLabel);
    assert!(a.label.indications.is_empty(), "no single indication is certain: {:?}", a.label.indications);
    let ids: Vec<&str> = a.notes.iter().map(|n| &*n.id).collect();
    assert_eq!(ids, ["id2017-067-bridging"]);
}
