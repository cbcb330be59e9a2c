//! The answer the form shows, with an MRD typed as an upper bound ("< 0,01 %": how an
//! MRD-negative result is reported).
//!
//! A bound is no value the contract can carry: `mrdPercent` is one number, and the result's
//! `input` (and with it the `blincyto-assessment` event) must not claim an exact MRD the person
//! did not enter. So the patient the checker gets ([`State::patient`]) leaves MRD missing, and
//! the JS result says what it can without it; the form decides here instead, from the
//! representative values of the decision diagrams: every MRD in `[0, bound)` lies in one of the
//! intervals the dataset's thresholds cut, and within an interval every value gives the same
//! assessment. When the bound lies inside the lowest interval (MRD < 0,01 % with the 0,1 %
//! threshold), the answer is exactly that interval's; when it spans several, the answer is
//! decided only where they all give the same verdict on the same decisions and notes, and a
//! criterion they answer differently is shown unknown.

use crate::assessment::{Assessment, Check};
use crate::patient::{Patient, Value};
use crate::vocab::{Field, Verdict};

/// The answer the form shows for its patient `p` ([`crate::form::State::patient`]) and its MRD
/// bound ([`crate::form::State::mrd_below`]): [`crate::evaluate`] of the patient, or with an MRD
/// typed as an upper bound, the answer every MRD below it gives (see the module's comment).
/// Its `input` never holds an MRD the person did not enter. (With the dataset's one MRD
/// threshold, a bound above it spans every interval, so they never all agree while MRD still
/// matters: the merging below serves a dataset with more thresholds.)
pub fn assess_with(p: &Patient, mrd_below: Option<f64>) -> Assessment<'static> {
    let plain = crate::evaluate(p);
    let Some(bound) = mrd_below else { return plain };
    if !plain.missing.contains(&Field::MrdPercent) {
        return plain;
    }
    let below: Vec<Value> = crate::data::domains()
        .values(Field::MrdPercent)
        .iter()
        .copied()
        .filter(|v| matches!(v, Value::Number(x) if *x < bound))
        .collect();
    let mut each: Vec<Assessment<'static>> = below.iter().map(|v| crate::evaluate(&p.with(Field::MrdPercent, *v))).collect();
    let Some(mut answer) = each.pop() else { return plain };
    if !each.is_empty() {
        let same = |a: &Assessment, b: &Assessment| {
            a.verdict == b.verdict
                && a.verdict != Verdict::Incomplete
                && a.decision.iter().map(|d| (d.jurisdiction, d.indication, &d.recommendation.id)).eq(b.decision.iter().map(|d| (d.jurisdiction, d.indication, &d.recommendation.id)))
                && a.notes.iter().map(|n| &n.id).eq(b.notes.iter().map(|n| &n.id))
        };
        if !each.iter().all(|a| same(a, &answer)) {
            return plain;
        }
        for other in each.iter() {
            for (mine, theirs) in answer.indications.iter_mut().zip(other.indications.iter()) {
                if mine.status != theirs.status {
                    mine.status = Check::Unknown;
                }
                for (c, o) in mine.criteria.iter_mut().zip(theirs.criteria.iter()) {
                    if c.status != o.status {
                        c.status = Check::Unknown;
                    }
                }
            }
        }
        answer.label.indications.retain(|id| each.iter().all(|a| a.label.indications.contains(id)));
    }
    answer.input.mrd_percent = None;
    answer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::state::{assess, State};
    use crate::fixtures::typed;
    use crate::form::state::reduce;
    use crate::vocab::{Cd19, Diagnosis, DiseaseStatus, Jurisdiction, Philadelphia};
    use std::rc::Rc;

    /// An adult in first complete remission in Norway, not in consolidation, MRD typed as `mrd`.
    fn adult_cr1(mrd: &str) -> Rc<State> {
        let mut s = State::new(Jurisdiction::No);
        s.picked = Patient {
            jurisdiction: Some(Jurisdiction::No),
            diagnosis: Some(Diagnosis::BPrecursorAll),
            cd19: Some(Cd19::Positive),
            philadelphia: Some(Philadelphia::Negative),
            disease_status: Some(DiseaseStatus::NewlyDiagnosed),
            in_remission: Some(true),
            consolidation: Some(false),
            ..Patient::default()
        };
        let s = reduce(Rc::new(s), typed(Field::AgeYears, "34"));
        reduce(s, typed(Field::MrdPercent, mrd))
    }

    #[test]
    fn item14_an_mrd_below_a_bound_decides_when_every_value_below_agrees() {
        // MRD-negative ("< 0,01"): below the 0,1 % of the MRD-positive indication, and not in
        // consolidation: off-label, exactly as MRD 0 or 0,05 would be.
        for text in ["< 0,01", "<0,01 %", "<0,01%"] {
            let s = adult_cr1(text);
            assert_eq!(s.text(Field::MrdPercent), text, "the text stays as typed");
            assert_eq!(s.mrd_below(), Some(0.01));
            // The checker gets no MRD: the JS result claims none.
            assert_eq!(s.patient().mrd_percent, None);
            assert_eq!(crate::evaluate(&s.patient()).verdict, Verdict::Incomplete);
            let a = assess(&s);
            assert_eq!(a.verdict, Verdict::OffLabel, "{text}");
            assert_eq!(a.input.mrd_percent, None, "{text}: the answer claims no exact MRD");
            assert_eq!(a.verdict, crate::evaluate(&s.patient().with(Field::MrdPercent, Value::Number(0.05))).verdict);
        }
        // "< 5 %" spans the threshold: MRD 0,05 is off-label, 0,5 yes with conditions.
        let a = assess(&adult_cr1("< 5 %"));
        assert_eq!((a.verdict, a.missing.as_slice()), (Verdict::Incomplete, &[Field::MrdPercent][..]));
        // A typed percentage is an exact MRD.
        let s = adult_cr1("0,5 %");
        assert_eq!((s.patient().mrd_percent, assess(&s).verdict), (Some(0.5), Verdict::YesWithConditions));
    }

    #[test]
    fn item14_a_bound_spanning_the_threshold_decides_only_where_the_answer_agrees() {
        // An adult in Sweden, consolidation, no transplant: no recommendation whatever the MRD
        // (on the consolidation indication, and on the MRD-positive one from 0,1 %).
        let mut s = (*adult_cr1("< 5")).clone();
        s.picked.jurisdiction = Some(Jurisdiction::Se);
        s.picked.consolidation = Some(true);
        s.picked.planned_allo_hsct = Some(false);
        let plain = crate::evaluate(&s.patient());
        let a = assess(&s);
        assert_eq!(a.verdict, Verdict::NoRecommendation);
        assert_eq!(plain.verdict, a.verdict, "MRD does not matter here: the checker decides alone");
        // Where only some MRD below the bound gives it, the form does not guess.
        let s = adult_cr1("< 0,5");
        assert_eq!(assess(&s).verdict, Verdict::Incomplete);
    }
}
