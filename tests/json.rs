//! The hand-written JSON of a result (`src/json.rs`, what the browser hands to JavaScript) is
//! byte for byte what `serde_json` writes from the result's `Serialize` derives, which define
//! its shape: on every public example and on random patients of every verdict, with numbers
//! that need all their digits.

mod common;

use blincyto_checker::data::domains;
use blincyto_checker::patient::Value;
use blincyto_checker::vocab::{Field, Verdict};
use blincyto_checker::{evaluate, json, Patient};
use common::Rng;

/// Numbers as serde_json writes them (the browser uses JavaScript's `Number#toString`).
fn serde_number(n: f64) -> String {
    serde_json::to_string(&n).unwrap()
}

fn same_as_serde(p: &Patient) -> Result<Verdict, String> {
    let a = evaluate(p);
    let ours = json::assessment(&a, serde_number);
    let theirs = serde_json::to_string(&a).unwrap();
    if ours == theirs {
        return Ok(a.verdict);
    }
    let at = ours
        .bytes()
        .zip(theirs.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(ours.len().min(theirs.len()));
    let around = |s: &str| {
        s.get(at.saturating_sub(80)..(at + 80).min(s.len()))
            .unwrap_or("")
            .to_string()
    };
    Err(format!(
        "{p:?}\n  ours:   …{}…\n  serde:  …{}…",
        around(&ours),
        around(&theirs)
    ))
}

#[test]
fn every_public_example_writes_the_same_json() {
    let text = std::fs::read_to_string(common::shared_dir().join("contract/examples.json")).unwrap();
    let cases: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut checked = 0;
    for case in cases.as_array().unwrap() {
        if let Ok(p) = common::patient(&case["input"]) {
            same_as_serde(&p).unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} examples were read");
}

#[test]
fn random_patients_write_the_same_json() {
    let dom = domains();
    let mut rng = Rng::new(0x15_0000_0001);
    let mut verdicts = Vec::new();
    let mut failures = Vec::new();
    for k in 0..4_000 {
        let mut p = Patient::default();
        let known = [30, 70, 100][k % 3];
        for &f in Field::ALL {
            if rng.chance(known) {
                let mut values = dom.values(f).to_vec();
                // Numbers whose shortest form has many digits, a negative zero, huge counts.
                match f {
                    Field::AgeYears => {
                        values.extend([0.1 + 0.2, 1.0 / 3.0, 17.999_999_9, -0.0, 1e-7].map(Value::Number))
                    }
                    Field::MrdPercent => values.extend([0.1 - 1e-12, 2.0 / 3.0, 100.0, 5e-324].map(Value::Number)),
                    Field::RelapseNumber | Field::TkiFailures => values.push(Value::Count(1000)),
                    _ => {}
                }
                p.set(f, Some(rng.pick(&values)));
            }
        }
        match same_as_serde(&p) {
            Ok(v) if !verdicts.contains(&v) => verdicts.push(v),
            Ok(_) => {}
            Err(e) => failures.push(e),
        }
    }
    assert!(
        failures.is_empty(),
        "{} differ, the first:\n{}",
        failures.len(),
        failures[0]
    );
    assert!(verdicts.len() >= 5, "the sample reached only the verdicts {verdicts:?}");
}
