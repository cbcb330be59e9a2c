//! Helpers shared by the native test files.
#![allow(dead_code)]

use std::path::PathBuf;

use blincyto_checker::{InputError, Patient, RawValue};

/// `../shared` beside the repository (override with BLINCYTO_SHARED).
pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("BLINCYTO_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    assert!(dir.join("contract/examples.json").exists(), "the shared contract is not at {}: clone the repo with shared/ beside it or set BLINCYTO_SHARED", dir.display());
    dir
}

/// A JSON value as the JS API would receive it.
pub fn raw(v: &serde_json::Value) -> RawValue {
    match v {
        serde_json::Value::Null => RawValue::Null,
        serde_json::Value::Bool(b) => RawValue::Bool(*b),
        serde_json::Value::Number(n) => RawValue::Number(n.as_f64().unwrap()),
        serde_json::Value::String(s) => RawValue::String(s.clone()),
        serde_json::Value::Array(_) => RawValue::Other("array"),
        serde_json::Value::Object(_) => RawValue::Other("object"),
    }
}

/// Reads a JSON input object the way the JS API does.
pub fn patient(input: &serde_json::Value) -> Result<Patient, InputError> {
    let obj = input.as_object().expect("input is an object");
    let pairs: Vec<(String, RawValue)> = obj.iter().map(|(k, v)| (k.clone(), raw(v))).collect();
    Patient::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v)))
}
