//! The progressive form, natively: a person who knows some of the patient's facts takes the
//! first question the form leaves open and answers it, or says "not known". At every step at most `AT_ONCE` unanswered questions are on screen, and the
//! form reaches the answer the checker gives for everything the person knows: a question it never
//! asked could not have changed the answer. Every public example and 20 000 sampled patients.

mod common;

use std::rc::Rc;

use blincyto_checker::evaluate;
use blincyto_checker::form::questions::{asked, AT_ONCE};
use blincyto_checker::form::{reduce, Action, State};
use blincyto_checker::patient::{Patient, Value};
use blincyto_checker::vocab::{Cd19, Diagnosis, Field, Jurisdiction};

/// Walks `p` through the form; returns the state reached, or what went wrong.
fn walk(p: &Patient) -> Result<Rc<State>, String> {
    let mut state = Rc::new(State::new(p.jurisdiction.unwrap_or(Jurisdiction::Se)));
    for step in 0..=Field::ALL.len() {
        let a = evaluate(&state.patient());
        let shown = asked(&state, &a.missing, a.verdict);
        let open: Vec<Field> = shown.iter().copied().filter(|f| !state.is_answered(*f) && !state.is_unknown(*f)).collect();
        if open.len() > AT_ONCE {
            return Err(format!("step {step}: {} unanswered questions shown: {open:?}", open.len()));
        }
        // The first open question: answered when known, else marked not known. An assumed
        // monotherapy (Ph-negative disease) is left as it is when not known.
        let assumed = |f: Field| f == Field::Monotherapy && state.picked.monotherapy_assumed();
        let Some(&field) = open.iter().find(|f| p.get(**f).is_some() || !assumed(**f)) else {
            return Ok(state);
        };
        match p.get(field) {
            Some(value) => {
                state = reduce(state, Action::enter(field, value));
                if !state.is_answered(field) || state.patient().get(field) != Some(value) {
                    return Err(format!("step {step}: entering {value:?} for {field:?} did not answer it"));
                }
            }
            None => {
                state = reduce(state, Action::MarkUnknown(field));
                if !state.is_unknown(field) {
                    return Err(format!("step {step}: marking {field:?} not known did not take"));
                }
            }
        }
    }
    Err("the walk did not end".into())
}

/// The form ends at the checker's verdict, never showing more than `AT_ONCE` open questions.
fn check(name: &str, p: &Patient) -> Option<String> {
    match walk(p) {
        Err(e) => Some(format!("{name}: {e}")),
        Ok(state) => {
            // The verdict is the checker's; the indications certain so far are among its own
            // (a question that only adds a second indication to the same answer is not asked).
            let (reached, full) = (evaluate(&state.patient()), evaluate(p));
            let among = reached.label.indications.iter().all(|i| full.label.indications.contains(i));
            (reached.verdict != full.verdict || !among).then(|| {
                format!(
                    "{name}: the form reached {} {:?}, the checker gives {} {:?} for {p:?}",
                    reached.verdict, reached.label.indications, full.verdict, full.label.indications
                )
            })
        }
    }
}

#[test]
fn every_public_example_through_the_progressive_form() {
    let text = std::fs::read_to_string(common::shared_dir().join("contract/examples.json")).unwrap();
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let mut walked = 0;
    let failures: Vec<String> = cases
        .iter()
        .filter(|c| c["expect"].get("verdict").is_some())
        .filter_map(|c| {
            walked += 1;
            check(c["name"].as_str().unwrap(), &common::patient(&c["input"]).unwrap())
        })
        .collect();
    assert!(walked >= 15, "only {walked} examples with a verdict");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A patient with each field known with probability 7 in 10, values near the rules' limits.
fn sampled(rng: &mut common::Rng) -> Patient {
    let mut p = Patient { jurisdiction: Some(rng.pick(Jurisdiction::ALL)), ..Patient::default() };
    for &field in &Field::ALL[1..] {
        if !rng.chance(70) {
            continue;
        }
        let value = match field {
            Field::AgeYears => Value::Number(rng.pick(&[0.5, 1.0, 10.0, 17.9, 18.0, 45.0, 70.0])),
            Field::MrdPercent => Value::Number(rng.pick(&[0.0, 0.05, 0.1, 2.0])),
            Field::RelapseNumber => Value::Count(rng.pick(&[1, 2, 3])),
            Field::PriorTherapyLines | Field::TkiFailures => Value::Count(rng.pick(&[0, 1, 2, 3])),
            _ => rng.pick(&Value::choices(field)),
        };
        p.set(field, Some(value));
    }
    if rng.chance(70) {
        p.diagnosis = Some(Diagnosis::BPrecursorAll);
        p.cd19 = Some(Cd19::Positive);
    }
    p
}

#[test]
fn sampled_patients_through_the_progressive_form() {
    let mut rng = common::Rng::new(12);
    let failures: Vec<String> =
        (0..20_000).filter_map(|i| check(&format!("patient {i}"), &sampled(&mut rng))).take(10).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
