//! Issue 19, item 13: the verdict bar's count of questions left, `assessment::most_questions`
//! (the longest path of the restricted decision diagram, walked as the form asks), against the
//! form's own strategy played out: ask the first field of `evaluate(p).missing` in clinical
//! order (monotherapy last) that is not marked not known, for each representative value, until
//! nothing is left to ask; the most questions any answers take.
//!
//! On every form prefix of 1 to 8 known fields (every combination of representative values), in
//! both jurisdictions, with monotherapy absent, given true and given false; up to 5 known fields
//! also with each unknown field marked not known.

use std::collections::HashMap;

use blincyto_checker::data::{dataset, diagrams, domains};
use blincyto_checker::vocab::{Field, FieldSet, Jurisdiction};
use blincyto_checker::patient::Value;
use blincyto_checker::{evaluate, Patient};
use blincyto_model::assessment::most_questions;

/// The order the form asks its questions in: the contract's, without the jurisdiction (the
/// switch), monotherapy last.
const ORDER: [Field; 16] = [
    Field::AgeYears,
    Field::Diagnosis,
    Field::Cd19,
    Field::Philadelphia,
    Field::DiseaseStatus,
    Field::RelapseNumber,
    Field::InRemission,
    Field::MrdPercent,
    Field::Consolidation,
    Field::HighRiskRelapse,
    Field::PriorTherapyLines,
    Field::PriorAlloHsct,
    Field::TkiFailures,
    Field::OtherOptionsAvailable,
    Field::PlannedAlloHsct,
    Field::Monotherapy,
];

/// The form's strategy, played out: the most questions it asks from `p`.
fn asked(p: &Patient, skip: FieldSet, memo: &mut HashMap<String, usize>) -> usize {
    let key = format!("{p:?}{}", skip.bits());
    if let Some(n) = memo.get(&key) {
        return *n;
    }
    let a = evaluate(p);
    let n = match ORDER.iter().find(|f| a.missing.contains(f) && !skip.contains(**f)) {
        None => 0,
        Some(f) => 1 + domains().values(*f).iter().map(|v| asked(&p.with(*f, *v), skip, memo)).max().unwrap_or(0),
    };
    memo.insert(key, n);
    n
}

/// Every patient knowing the first `k` fields of the form, each a representative value.
fn prefixes(base: &Patient, k: usize, out: &mut Vec<Patient>) {
    fn go(p: Patient, fields: &[Field], out: &mut Vec<Patient>) {
        match fields.split_first() {
            None => out.push(p),
            Some((f, rest)) => domains().values(*f).iter().for_each(|v| go(p.with(*f, *v), rest, out)),
        }
    }
    go(base.clone(), &ORDER[..k], out);
}

#[test]
fn item13_most_questions_is_what_the_form_can_still_ask() {
    let (d, dg) = (dataset(), diagrams());
    let mut memo = HashMap::new();
    let (mut checked, mut differ, mut failures, mut counted) = (0usize, 0usize, Vec::new(), [0usize; 17]);
    for j in Jurisdiction::ALL {
        for mono in [None, Some(true), Some(false)] {
            let base = Patient { jurisdiction: Some(*j), monotherapy: mono, ..Patient::default() };
            for k in 1..=8 {
                let mut patients = Vec::new();
                prefixes(&base, k, &mut patients);
                for p in patients {
                    let mut skips = vec![FieldSet::default()];
                    if k <= 5 {
                        skips.extend(ORDER[k..].iter().filter(|f| p.get(**f).is_none()).map(|f| FieldSet::of(&[*f])));
                    }
                    if k == 3 {
                        // Ph not known, and the status too: monotherapy is never assumed then.
                        skips.push(FieldSet::of(&[Field::Philadelphia, Field::DiseaseStatus]));
                    }
                    for skip in skips {
                        let want = asked(&p, skip, &mut memo);
                        let got = most_questions(d, dg, &p, skip);
                        checked += 1;
                        counted[want.min(16)] += 1;
                        differ += usize::from(got != want);
                        if got != want && failures.len() < 10 {
                            failures.push(format!("{p:?} skip {:?}: most_questions {got}, the form asks up to {want}", skip.iter().collect::<Vec<_>>()));
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{differ} of {checked} differ, e.g.:\n{}", failures.join("\n"));
    // The comparison means something: counts from 0 to many, Ph-positive monotherapy among them.
    assert!(checked > 10_000, "{checked}");
    assert!(counted[0] > 0 && counted[1] > 0 && counted[2..].iter().sum::<usize>() > 1000 && counted[6..].iter().sum::<usize>() > 10, "{counted:?}");
}

#[test]
fn item13_monotherapy_is_counted_as_the_form_asks_it() {
    let (d, dg) = (dataset(), diagrams());
    let ph = |v: &str| Value::choice(Field::Philadelphia, v).unwrap();
    // An adult, Ph-positive, refractory, two TKIs failed, no other options in Norway: only the
    // monotherapy is left, and it is asked (never assumed in Ph-positive disease).
    let p = Patient::default()
        .with(Field::Jurisdiction, Value::Jurisdiction(Jurisdiction::No))
        .with(Field::AgeYears, Value::Number(61.0))
        .with(Field::Diagnosis, Value::choice(Field::Diagnosis, "b-precursor-all").unwrap())
        .with(Field::Cd19, Value::choice(Field::Cd19, "positive").unwrap())
        .with(Field::Philadelphia, ph("positive"))
        .with(Field::DiseaseStatus, Value::choice(Field::DiseaseStatus, "refractory").unwrap())
        .with(Field::TkiFailures, Value::Count(2))
        .with(Field::OtherOptionsAvailable, Value::Flag(false));
    assert_eq!(evaluate(&p).missing, [Field::Monotherapy]);
    assert_eq!(most_questions(d, dg, &p, FieldSet::default()), 1);
    assert_eq!(most_questions(d, dg, &p, FieldSet::of(&[Field::Monotherapy])), 0);
    // The same with Ph-negative disease: decided, the monotherapy assumed.
    assert_eq!(most_questions(d, dg, &p.with(Field::Philadelphia, ph("negative")), FieldSet::default()), 0);
}
