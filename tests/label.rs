//! `label.status` (../shared/contract/README.md, "The result"): the patient is on label as soon
//! as every completion is on some indication, also while the verdict, and which indication it is,
//! are still open; off label only when no completion is on one.

use blincyto_checker::evaluate;
use blincyto_checker::vocab::{Field, Jurisdiction, LabelStatus, Verdict};
use blincyto_checker::Patient;
use blincyto_model::patients::{adult_first_relapse_mrd_norway, in_jurisdiction, t_all};

/// An adult after a first relapse with MRD 0,5 %, remission and the transplant plan not given,
/// in Sweden: in remission they are in CR2 on `adult-mrd-positive`, not in remission on
/// `adult-relapsed-refractory`, and the plan decides Sweden's answer. The verdict is open and no
/// single indication is certain, yet every completion is on label: the label says so.
#[test]
fn on_label_in_every_completion_is_on_label_before_the_verdict_is_known() {
    let p = in_jurisdiction(Jurisdiction::Se, adult_first_relapse_mrd_norway());
    let a = evaluate(&p);
    assert_eq!(a.verdict, Verdict::Incomplete);
    assert!(a.missing.contains(&Field::PlannedAlloHsct), "{:?}", a.missing);
    assert!(a.label.indications.is_empty(), "no single indication is certain: {:?}", a.label.indications);
    assert_eq!(a.label.status, LabelStatus::OnLabel);
}

/// The label is incomplete while some completion is off label (the diagnosis not given), and
/// off label once none is on (T-ALL).
#[test]
fn the_label_is_incomplete_while_a_completion_is_off_label() {
    let open = Patient { diagnosis: None, ..adult_first_relapse_mrd_norway() };
    assert_eq!(evaluate(&open).label.status, LabelStatus::Incomplete);
    assert_eq!(evaluate(&t_all()).label.status, LabelStatus::OffLabel);
}
