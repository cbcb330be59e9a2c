//! Helpers shared by the native test files.
#![allow(dead_code)]

use std::path::PathBuf;

pub mod reference;

use blincyto_checker::{InputError, InputObject, Patient};

/// `../shared` beside the repository (override with BLINCYTO_SHARED).
pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("BLINCYTO_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    assert!(dir.join("contract/examples.json").exists(), "the shared contract is not at {}: clone the repo with shared/ beside it or set BLINCYTO_SHARED", dir.display());
    dir
}

/// Reads a JSON input object the way the JS API does: through the model's one reader of
/// untrusted input (`InputObject`, whose serde impl takes any JSON value key by key, as
/// `api.rs` takes a JS object), then its validation.
pub fn patient(input: &serde_json::Value) -> Result<Patient, InputError> {
    let object: InputObject = serde_json::from_value(input.clone()).expect("input is an object");
    object.to_patient()
}

/// The input as JSON-ish text, for messages.
pub fn show(p: &Patient) -> String {
    let parts: Vec<String> = blincyto_checker::vocab::Field::ALL
        .iter()
        .filter_map(|f| p.get(*f).map(|v| format!("{f}: {}", v.to_contract_string())))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// A small fixed-seed random generator (SplitMix64), so the sampled tests are reproducible
/// without a dependency.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `true` with probability `percent` / 100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }
}
