//! The decision model of blincyto-checker: "Can I use Blincyto (blinatumomab) for this patient,
//! here?" as pure Rust, with no web dependency (serde only).
//!
//! Each module imports only the ones listed before it:
//! - [`date`]: calendar days, read strictly, and calendar months added;
//! - [`vocab`]: the contract's fields, values, verdicts and the criteria vocabulary;
//! - [`patient`]: the patient, its values, and the strict reading of untrusted input;
//! - [`dataset`]: the dataset's types (the data itself is `data/blincyto.toml`);
//! - [`logic`]: three-valued evaluation of criteria, indications, routes and the verdict;
//! - [`domains`]: the representative values of every field under the dataset's thresholds;
//! - [`diagrams`]: the dataset's decision as decision diagrams over those values;
//! - [`validate`]: everything the dataset's types cannot check, the diagrams included;
//! - [`assessment`]: the answer for a patient ([`assessment::evaluate`]) and its alternatives;
//! - `search` (cargo feature `search`, for the tests only): the same answers by searching the
//!   completions one by one, the definition the diagrams are tested against.

pub mod date;
pub mod vocab;
pub mod patient;
pub mod dataset;
pub mod logic;
pub mod domains;
pub mod diagrams;
pub mod validate;
pub mod assessment;

/// For `build.rs`, which writes the dataset and its diagrams out with the derives of feature `bake`.
#[cfg(feature = "bake")]
pub use databake;
#[cfg(feature = "search")]
pub mod search;
#[cfg(feature = "fixtures")]
pub mod patients;

/// The layering above, checked: each module names (`crate::…`, outside comments) only the
/// modules listed before it, and never glob-imports one.
#[cfg(test)]
mod layering {
    const LAYERS: &[(&str, &str)] = &[
        ("date", include_str!("date.rs")),
        ("vocab", include_str!("vocab.rs")),
        ("patient", include_str!("patient.rs")),
        ("dataset", include_str!("dataset.rs")),
        ("logic", include_str!("logic.rs")),
        ("domains", include_str!("domains.rs")),
        (
            "diagrams",
            concat!(
                include_str!("diagrams/mod.rs"),
                include_str!("diagrams/build.rs"),
                include_str!("diagrams/place.rs"),
                include_str!("diagrams/query.rs")
            ),
        ),
        ("validate", include_str!("validate.rs")),
        ("assessment", include_str!("assessment.rs")),
        ("search", include_str!("search.rs")),
        ("patients", include_str!("patients.rs")),
    ];

    #[test]
    fn each_module_imports_only_the_ones_below_it() {
        for (at, (name, text)) in LAYERS.iter().enumerate() {
            let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
            for line in code {
                for (other, _) in LAYERS {
                    let path = format!("crate::{other}::");
                    let Some(i) = line.find(&path) else { continue };
                    let below = LAYERS[..at].iter().any(|(n, _)| n == other);
                    assert!(below, "{name}.rs names {other}, which is not below it: {line}");
                    assert!(!line[i + path.len()..].starts_with('*'), "{name}.rs glob-imports {other}: {line}");
                }
            }
        }
    }
}
