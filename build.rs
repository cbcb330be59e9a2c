//! Reads `data/blincyto.toml`, validates it and writes it out as Rust (`$OUT_DIR/dataset.rs`).
//!
//! A bad dataset fails the build here, with messages that name the entry. The browser bundle
//! never parses TOML: it gets the dataset as static Rust values.
#![allow(dead_code)]

#[path = "src/checker.rs"]
mod checker;
#[path = "src/dataset.rs"]
mod dataset;
#[path = "src/diagrams.rs"]
mod diagrams;
#[path = "src/patient.rs"]
mod patient;
#[path = "src/vocab.rs"]
mod vocab;

use dataset::*;
use vocab::Criterion;

const DATASET: &str = "data/blincyto.toml";

fn main() {
    println!("cargo:rerun-if-changed={DATASET}");
    println!("cargo:rerun-if-changed=src/vocab.rs");
    println!("cargo:rerun-if-changed=src/dataset.rs");
    println!("cargo:rerun-if-changed=src/checker.rs");
    println!("cargo:rerun-if-changed=src/diagrams.rs");
    println!("cargo:rerun-if-changed=src/patient.rs");
    let text = std::fs::read_to_string(DATASET).unwrap_or_else(|e| fail(&[format!("cannot read {DATASET}: {e}")]));
    let data: Dataset = toml::from_str(&text).unwrap_or_else(|e| fail(&[e.to_string()]));
    if let Err(errors) = validate(&data) {
        fail(&errors);
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("dataset.rs");
    std::fs::write(out, data.code()).expect("write dataset.rs");
}

fn fail(errors: &[String]) -> ! {
    eprintln!("\n{DATASET} is invalid:");
    for e in errors {
        eprintln!("  - {e}");
    }
    eprintln!();
    std::process::exit(1);
}

/// Rust source of a value.
trait Code {
    fn code(&self) -> String;
}

impl Code for std::borrow::Cow<'static, str> {
    fn code(&self) -> String {
        format!("std::borrow::Cow::Borrowed({:?})", &**self)
    }
}
impl Code for u32 {
    fn code(&self) -> String {
        format!("{self}u32")
    }
}
impl Code for f64 {
    fn code(&self) -> String {
        format!("{self:?}f64")
    }
}
impl Code for bool {
    fn code(&self) -> String {
        self.to_string()
    }
}
impl<T: Code> Code for Option<T> {
    fn code(&self) -> String {
        match self {
            Some(v) => format!("Some({})", v.code()),
            None => "None".into(),
        }
    }
}
impl<T: Code + Clone> Code for std::borrow::Cow<'static, [T]> {
    fn code(&self) -> String {
        let items: Vec<String> = self.iter().map(Code::code).collect();
        format!("std::borrow::Cow::Borrowed(&[{}])", items.join(", "))
    }
}

macro_rules! code_enum {
    ($($t:ty),+) => {$(
        impl Code for $t {
            fn code(&self) -> String {
                self.rust_path()
            }
        }
    )+};
}
code_enum!(
    vocab::Jurisdiction,
    vocab::Diagnosis,
    vocab::Cd19,
    vocab::Philadelphia,
    vocab::DiseaseStatus,
    vocab::Verdict,
    vocab::IndicationId,
    vocab::RecommendationStatus
);

macro_rules! code_struct {
    ($($t:ident { $($f:ident),+ $(,)? })+) => {$(
        impl Code for $t {
            fn code(&self) -> String {
                let mut s = format!("crate::dataset::{} {{", stringify!($t));
                $( s += &format!(" {}: {},", stringify!($f), self.$f.code()); )+
                s + " }"
            }
        }
    )+};
}
code_struct!(
    Dataset { format, version, as_of, authority, unknowns, sources, indications, jurisdictions }
    Text { sv, nb, en }
    Source { id, publisher, title, date, lang, url, quotes }
    Quote { id, text }
    Cite { source, quote }
    Indication { id, name, approved, cite, also_cite, criteria }
    JurisdictionData { id, name, authority, url, recommendations, rules, notes }
    Recommendation { id, decided_by, case, title, status, date, scope, conditions, cite, also_cite }
    Rule { indications, when, verdict, basis, reason }
    Note { id, when, text, cite }
);

impl Code for Criterion {
    fn code(&self) -> String {
        use Criterion::*;
        let (name, arg) = match self {
            Monotherapy(b) => ("Monotherapy", b.code()),
            Diagnosis(v) => ("Diagnosis", v.code()),
            Cd19(v) => ("Cd19", v.code()),
            Philadelphia(v) => ("Philadelphia", v.code()),
            AgeAtLeastMonths(n) => ("AgeAtLeastMonths", n.code()),
            AgeAtLeastYears(n) => ("AgeAtLeastYears", n.code()),
            AgeUnderYears(n) => ("AgeUnderYears", n.code()),
            NewlyDiagnosed(b) => ("NewlyDiagnosed", b.code()),
            ActiveRelapsedRefractory(b) => ("ActiveRelapsedRefractory", b.code()),
            ActiveRelapseAfterAlloHsct(b) => ("ActiveRelapseAfterAlloHsct", b.code()),
            CompleteRemission(v) => ("CompleteRemission", v.code()),
            MrdAtLeastPercent(x) => ("MrdAtLeastPercent", x.code()),
            Consolidation(b) => ("Consolidation", b.code()),
            HighRiskFirstRelapse(b) => ("HighRiskFirstRelapse", b.code()),
            PriorTherapyLinesAtLeast(n) => ("PriorTherapyLinesAtLeast", n.code()),
            TkiFailuresAtLeast(n) => ("TkiFailuresAtLeast", n.code()),
            OtherOptionsAvailable(b) => ("OtherOptionsAvailable", b.code()),
            PlannedAlloHsct(b) => ("PlannedAlloHsct", b.code()),
            AllOf(v) => ("AllOf", v.code()),
            AnyOf(v) => ("AnyOf", v.code()),
        };
        format!("crate::vocab::Criterion::{name}({arg})")
    }
}
