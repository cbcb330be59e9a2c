//! Property tests of the untrusted-input path: `InputObject` → `to_patient()` → `evaluate()`.
//!
//! Arbitrary JSON-like objects — contract keys, near-typos and random keys; null, booleans, every
//! kind of number (NaN, ±Infinity, huge, negative, fractions, -0), known and random strings (long
//! ones, non-ASCII), nested arrays and objects — never panic: the input either gives a verdict or
//! an error naming one of the input's keys. The same object read from JSON text (through the
//! `Deserialize` impl the browser path shares) gives the same outcome. Valid random patients
//! always give a verdict whose `missing` is consistent, and a decided verdict agrees with the
//! independent reading of the contract (`common/reference.rs`) on a completion of the patient.
//!
//! 2 000 cases per property; the whole file runs in a few seconds.

mod common;

use blincyto_checker::assessment::{Assumption, LabelStatus};
use blincyto_checker::patient::Value;
use blincyto_checker::vocab::{Cd19, Diagnosis, DiseaseStatus, Field, Jurisdiction, Philadelphia, Verdict};
use blincyto_checker::{evaluate, InputObject, Patient, RawValue};
use proptest::prelude::*;

const CASES: u32 = 2_000;

/// A JSON-like value, NaN and the infinities included (which JSON text cannot carry).
#[derive(Clone, Debug)]
enum J {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    /// As the JS API hands it over: arrays and objects are "other".
    fn raw(&self) -> RawValue {
        match self {
            J::Null => RawValue::Null,
            J::Bool(b) => RawValue::Bool(*b),
            J::Num(n) => RawValue::Number(*n),
            J::Str(s) => RawValue::String(s.clone()),
            J::Arr(_) => RawValue::Other("array"),
            J::Obj(_) => RawValue::Other("object"),
        }
    }

    /// JSON text, keeping key order and duplicate keys; `None` if a number is not finite.
    fn json(&self) -> Option<String> {
        Some(match self {
            J::Null => "null".into(),
            J::Bool(b) => b.to_string(),
            J::Num(n) if n.is_finite() => serde_json::to_string(n).unwrap(),
            J::Num(_) => return None,
            J::Str(s) => serde_json::to_string(s).unwrap(),
            J::Arr(items) => format!("[{}]", items.iter().map(J::json).collect::<Option<Vec<_>>>()?.join(",")),
            J::Obj(pairs) => object_json(pairs)?,
        })
    }
}

fn object_json(pairs: &[(String, J)]) -> Option<String> {
    let items: Option<Vec<String>> =
        pairs.iter().map(|(k, v)| Some(format!("{}:{}", serde_json::to_string(k).unwrap(), v.json()?))).collect();
    Some(format!("{{{}}}", items?.join(",")))
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(-0.0),
        Just(1e308),
        Just(-1e308),
        Just(f64::MIN_POSITIVE),
        Just(120.0),
        Just(120.000_000_1),
        Just(1000.0),
        Just(1001.0),
        Just(4_294_967_296.0),
        Just(0.1),
        Just(1.0 / 12.0),
        (-5i64..1100).prop_map(|n| n as f64),
        -10.0..130.0f64,
    ]
}

const KNOWN_STRINGS: &[&str] = &[
    "se", "no", "b-precursor-all", "t-all", "other", "positive", "negative", "newly-diagnosed", "relapsed",
    "refractory", "true", "false", "null", "8", "SE", "Positive", " negative", "",
];

fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(KNOWN_STRINGS).prop_map(String::from),
        "[a-z-]{0,20}",
        "\\PC{0,40}",
        ".{190,320}",
    ]
}

fn value() -> impl Strategy<Value = J> {
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        number().prop_map(J::Num),
        string().prop_map(J::Str),
    ];
    leaf.prop_recursive(4, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(J::Arr),
            proptest::collection::vec((key(), inner), 0..6).prop_map(J::Obj),
        ]
    })
}

const NEAR_KEYS: &[&str] = &[
    "agee", "AgeYears", "ageYears ", "age", "mrd", "Jurisdiction", "cd-19", "relapse_number", "__proto__",
    "constructor", "", "verdict", "missing",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(Field::ALL).prop_map(|f| f.as_str().to_string()),
        1 => proptest::sample::select(NEAR_KEYS).prop_map(String::from),
        1 => "[a-zA-Z]{1,12}",
        1 => "\\PC{30,90}",
    ]
}

/// A valid value as JSON.
fn json_value(v: Value) -> J {
    match v {
        Value::Number(n) => J::Num(n),
        Value::Count(n) => J::Num(f64::from(n)),
        Value::Flag(b) => J::Bool(b),
        other => J::Str(other.to_contract_string()),
    }
}

/// An input object: either arbitrary pairs (mostly contract keys, some others, duplicates), or a
/// valid patient (some absent fields as `null`) with up to two arbitrary pairs slipped in.
fn object() -> impl Strategy<Value = Vec<(String, J)>> {
    let valid = (patient(), any::<bool>(), proptest::collection::vec((key(), value(), any::<proptest::sample::Index>()), 0..3))
        .prop_map(|(p, nulls, extra)| {
            let mut pairs: Vec<(String, J)> = Field::ALL
                .iter()
                .filter_map(|f| match p.get(*f) {
                    Some(v) => Some((f.as_str().to_string(), json_value(v))),
                    None if nulls => Some((f.as_str().to_string(), J::Null)),
                    None => None,
                })
                .collect();
            for (k, v, at) in extra {
                let i = at.index(pairs.len() + 1);
                pairs.insert(i, (k, v));
            }
            pairs
        });
    prop_oneof![proptest::collection::vec((key(), value()), 0..20), valid]
}

/// Whether an error's `field` names `key` (errors clip long names to 40 characters and "…").
fn names_key(field: &str, key: &str) -> bool {
    field == key || field.strip_suffix('…').is_some_and(|head| key.starts_with(head) && head.chars().count() == 40)
}

/// What `to_patient` gave, comparable across the two read paths.
fn outcome(input: &InputObject) -> Result<Patient, String> {
    input.to_patient().map_err(|e| e.field)
}

/// Equal outcomes, numbers up to the last bits: serde_json's default float parser (the test's
/// JSON reader, not the browser's) may be one ulp off the shortest representation it printed.
fn same(a: &Result<Patient, String>, b: &Result<Patient, String>) -> bool {
    match (a, b) {
        (Ok(p), Ok(q)) => Field::ALL.iter().all(|f| match (p.get(*f), q.get(*f)) {
            (Some(Value::Number(x)), Some(Value::Number(y))) => (x - y).abs() <= 1e-12 * x.abs().max(1.0),
            (x, y) => x == y,
        }),
        (Err(e), Err(f)) => e == f,
        _ => false,
    }
}

/// The invariants of every assessment.
fn check_assessment(p: &Patient) -> Result<(), TestCaseError> {
    let a = evaluate(p);
    prop_assert_eq!(a.missing.is_empty(), a.verdict != Verdict::Incomplete, "verdict {} missing {:?}", a.verdict, a.missing);
    for m in a.missing.iter() {
        prop_assert!(p.get(*m).is_none() && !(*m == Field::Monotherapy && p.monotherapy_assumed()), "missing lists given or assumed field {}", m);
    }
    prop_assert_eq!(a.verdict == Verdict::OffLabel, a.label.status == LabelStatus::OffLabel);
    if a.verdict != Verdict::Incomplete {
        // Decided on-label with no single indication certain yet (an adult whose episode is not
        // given but every episode is on some adult indication) is possible; it must still cite
        // the recommendation it rests on.
        prop_assert!(a.label.status != LabelStatus::OffLabel || a.label.indications.is_empty());
        if a.verdict != Verdict::OffLabel {
            prop_assert_eq!(a.label.status, LabelStatus::OnLabel);
            prop_assert!(!a.decision.is_empty(), "decided {} without a cited decision", a.verdict);
        }
    }
    // Assumed only in Ph-negative disease, and only where it matters (not off-label anyway).
    let assumed = p.monotherapy.is_none() && p.philadelphia == Some(Philadelphia::Negative) && a.verdict != Verdict::OffLabel;
    prop_assert_eq!(assumed, a.assumptions.contains(&Assumption::Monotherapy));
    prop_assert!(a.possible_verdicts.contains(&a.verdict) || a.verdict == Verdict::Incomplete);
    prop_assert_eq!(a.possible_verdicts.len() == 1, a.verdict != Verdict::Incomplete, "{:?}", a.possible_verdicts);
    // The JS API serialises the result; it must always be plain JSON.
    let json = serde_json::to_value(&a).map_err(|e| TestCaseError::fail(format!("serialise: {e}")))?;
    prop_assert_eq!(json["verdict"].as_str(), Some(a.verdict.as_str()));
    prop_assert!(json["missing"].is_array() && json["label"]["indications"].is_array());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    /// Arbitrary objects: a verdict or an error naming one of the keys, never a panic; the JSON
    /// text path agrees with the direct one.
    #[test]
    fn arbitrary_objects_never_panic(pairs in object()) {
        let direct = InputObject(pairs.iter().map(|(k, v)| (k.clone(), v.raw())).collect());
        let got = outcome(&direct);
        match &got {
            Ok(p) => {
                // Exactly the contract keys with a non-null value are set.
                for f in Field::ALL {
                    let given = pairs.iter().any(|(k, v)| k == f.as_str() && !matches!(v, J::Null));
                    prop_assert_eq!(p.get(*f).is_some(), given, "field {}", f);
                }
                check_assessment(p)?;
            }
            Err(field) => {
                prop_assert!(pairs.iter().any(|(k, _)| names_key(field, k)), "error names {:?}, not a key of {:?}", field, pairs.iter().map(|(k, _)| k).collect::<Vec<_>>());
                let e = direct.to_patient().unwrap_err();
                let prefix = format!("{}: ", e.field);
                prop_assert!(e.to_string().starts_with(&prefix) && !e.message.is_empty(), "{}", e);
            }
        }
        if let Some(text) = object_json(&pairs) {
            let parsed: InputObject = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
            let again = outcome(&parsed);
            prop_assert!(same(&again, &got), "JSON text {} gives {:?}, directly {:?}", text, again, got);
        }
    }

    /// Anything but an object is not an `InputObject` (the API then names `input`); never a panic.
    #[test]
    fn non_objects_are_rejected(v in value()) {
        if let (Some(text), false) = (v.json(), matches!(v, J::Obj(_))) {
            prop_assert!(serde_json::from_str::<InputObject>(&text).is_err(), "{}", text);
        }
    }

    /// Valid patients (every field absent or valid) always get a verdict with a consistent
    /// `missing`; a decided verdict holds for a completion, and the completion is decided.
    #[test]
    fn valid_patients_are_consistent(p in patient(), fill in complete_patient()) {
        check_assessment(&p)?;
        let a = evaluate(&p);
        let mut c = p.clone();
        let open_monotherapy = p.monotherapy_or_assumed().is_none();
        for f in Field::ALL.iter().filter(|f| **f != Field::Monotherapy || open_monotherapy) {
            if c.get(*f).is_none() {
                c.set(*f, fill.get(*f));
            }
        }
        let want = common::reference::expected(&c);
        let b = evaluate(&c);
        prop_assert_eq!(b.verdict, want.verdict, "completion {:?}", c);
        if a.verdict != Verdict::Incomplete {
            prop_assert_eq!(a.verdict, want.verdict, "decided early for {:?}, but the completion {:?} differs", p, c);
        }
        prop_assert!(a.possible_verdicts.contains(&want.verdict), "{:?} possible {:?}, the completion {:?} gets {}", p, a.possible_verdicts, c, want.verdict);
        // The patient, written as contract JSON and read back, is the same patient.
        let text = serde_json::to_string(&p).unwrap();
        let back: InputObject = serde_json::from_str(&text).unwrap();
        let again = outcome(&back);
        prop_assert!(same(&again, &Ok(p.clone())), "{} reads back as {:?}", text, again);
    }
}

fn age() -> impl Strategy<Value = f64> {
    prop_oneof![0.0..=120.0f64, proptest::sample::select(&[0.0, 1.0 / 12.0, 0.5, 1.0, 17.99, 18.0, 120.0][..])]
}

fn mrd() -> impl Strategy<Value = f64> {
    prop_oneof![0.0..=100.0f64, 0.0..0.3f64, proptest::sample::select(&[0.0, 0.0999, 0.1, 100.0][..])]
}

fn count(min: u32) -> impl Strategy<Value = u32> {
    prop_oneof![min..4u32, min..=1000u32]
}

/// Every field of a valid patient, as values.
#[allow(clippy::type_complexity)]
fn values() -> impl Strategy<Value = Vec<Value>> {
    (
        (
            proptest::sample::select(Jurisdiction::ALL).prop_map(Value::Jurisdiction),
            age().prop_map(Value::Number),
            proptest::sample::select(Diagnosis::ALL).prop_map(Value::Diagnosis),
            proptest::sample::select(Cd19::ALL).prop_map(Value::Cd19),
            proptest::sample::select(Philadelphia::ALL).prop_map(Value::Philadelphia),
            proptest::sample::select(DiseaseStatus::ALL).prop_map(Value::DiseaseStatus),
            count(1).prop_map(Value::Count),
            any::<bool>().prop_map(Value::Flag),
            mrd().prop_map(Value::Number),
        ),
        (
            any::<bool>().prop_map(Value::Flag),
            any::<bool>().prop_map(Value::Flag),
            count(0).prop_map(Value::Count),
            any::<bool>().prop_map(Value::Flag),
            count(0).prop_map(Value::Count),
            any::<bool>().prop_map(Value::Flag),
            any::<bool>().prop_map(Value::Flag),
            any::<bool>().prop_map(Value::Flag),
        ),
    )
        .prop_map(|((a, b, c, d, e, f, g, h, i), (j, k, l, m, n, o, q, r))| vec![a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, q, r])
}

/// A complete valid patient (monotherapy given too).
fn complete_patient() -> impl Strategy<Value = Patient> {
    values().prop_map(|vals| {
        let mut p = Patient::default();
        for (f, v) in Field::ALL.iter().zip(vals) {
            p.set(*f, Some(v));
        }
        p
    })
}

/// A valid patient with each field present with probability about one half, biased towards the
/// patients the rules are about.
fn patient() -> impl Strategy<Value = Patient> {
    (complete_patient(), proptest::collection::vec(any::<bool>(), Field::ALL.len()), any::<bool>()).prop_map(
        |(mut p, keep, on_topic)| {
            if on_topic {
                p.diagnosis = Some(Diagnosis::BPrecursorAll);
                p.cd19 = Some(Cd19::Positive);
            }
            for (f, k) in Field::ALL.iter().zip(keep) {
                if !k {
                    p.set(*f, None);
                }
            }
            p
        },
    )
}
