//! Every public example of the shared contract, natively (the same cases run in the browser
//! through `run-examples.mjs`).

mod common;

use blincyto_checker::evaluate;
use blincyto_checker::vocab::Verdict;

#[test]
fn every_public_example_holds() {
    let text = std::fs::read_to_string(common::shared_dir().join("contract/examples.json")).unwrap();
    let cases: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases = cases.as_array().unwrap();
    assert!(cases.len() >= 20, "expected the public examples, found {}", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let expect = &case["expect"];
        let got = common::patient(&case["input"]);
        if let Some(field) = expect.get("error").and_then(|f| f.as_str()) {
            match got {
                Err(e) if e.to_string().contains(field) => {}
                other => failures.push(format!("{name}: expected an error naming {field}, got {other:?}")),
            }
            continue;
        }
        let a = match got {
            Ok(p) => evaluate(&p),
            Err(e) => {
                failures.push(format!("{name}: unexpected error {e}"));
                continue;
            }
        };
        if let Some(v) = expect.get("verdict").and_then(|v| v.as_str()) {
            if a.verdict.as_str() != v {
                failures.push(format!("{name}: verdict {}, expected {v}", a.verdict));
            }
        }
        if let Some(list) = expect.get("indications").and_then(|v| v.as_array()) {
            let mut want: Vec<&str> = list.iter().map(|v| v.as_str().unwrap()).collect();
            let mut have: Vec<&str> = a.label.indications.iter().map(|i| i.as_str()).collect();
            want.sort();
            have.sort();
            if want != have {
                failures.push(format!("{name}: indications {have:?}, expected {want:?}"));
            }
        }
        for f in expect.get("missingIncludes").and_then(|v| v.as_array()).into_iter().flatten() {
            if !a.missing.iter().any(|m| m.as_str() == f.as_str().unwrap()) {
                failures.push(format!("{name}: missing {:?} lacks {f}", a.missing));
            }
        }
        if let Some(list) = expect.get("possibleVerdicts").and_then(|v| v.as_array()) {
            let want: Vec<&str> = list.iter().map(|v| v.as_str().unwrap()).collect();
            let have: Vec<&str> = a.possible_verdicts.iter().map(|v| v.as_str()).collect();
            if want != have {
                failures.push(format!("{name}: possible verdicts {have:?}, expected {want:?}"));
            }
        }
        if (a.verdict == Verdict::Incomplete) == a.missing.is_empty() {
            failures.push(format!("{name}: verdict {} with missing {:?}", a.verdict, a.missing));
        }
    }
    assert!(failures.is_empty(), "{} of {} examples fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// A verdict decided before any single indication is certain still cites its recommendation.
#[test]
fn a_verdict_decided_early_still_cites_its_basis() {
    let input = serde_json::json!({
        "jurisdiction": "se", "ageYears": 40, "diagnosis": "b-precursor-all", "cd19": "positive",
        "philadelphia": "negative", "inRemission": true, "relapseNumber": 1, "mrdPercent": 0.5,
        "plannedAlloHsct": false
    });
    let a = evaluate(&common::patient(&input).unwrap());
    assert_eq!(a.verdict, Verdict::NoRecommendation);
    assert!(a.label.indications.is_empty());
    assert_eq!(a.decision.len(), 1, "{:?}", a.decision.iter().map(|d| &d.recommendation.id).collect::<Vec<_>>());
    assert_eq!(a.decision[0].recommendation.id, "se-adults-not-assessed");
    assert!(!a.sources.is_empty());
}
