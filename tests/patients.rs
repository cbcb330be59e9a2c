//! The test patients (`blincyto_model::patients`) that are public examples are those examples:
//! a copy that drifts from the shared contract fails here, not silently in the tests that use it.

mod common;

use blincyto_model::patients::PUBLIC_EXAMPLES;

#[test]
fn each_named_test_patient_is_its_public_example() {
    let text = std::fs::read_to_string(common::shared_dir().join("contract/examples.json")).unwrap();
    let cases: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases = cases.as_array().unwrap();
    for (name, patient) in PUBLIC_EXAMPLES {
        let case = cases
            .iter()
            .find(|c| c["name"].as_str() == Some(name))
            .unwrap_or_else(|| panic!("no public example is named {name:?}"));
        let input = common::patient(&case["input"]).unwrap();
        assert_eq!(patient(), input, "{name}");
    }
}
