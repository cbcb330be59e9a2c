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
    if data.format != FORMAT {
        fail(&[format!("format = {}: the widget compiles in format {FORMAT} (older formats are read only by the change report)", data.format)]);
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("dataset.rs"), data.code()).expect("write dataset.rs");
    // The representative values and the decision diagrams, computed here once instead of in
    // every browser at page load (`data::domains`; tests/diagrams.rs checks they are the ones
    // `Domains::of` builds at run time).
    let domains = checker::Domains::of(&data);
    if domains.diagrams().is_none() {
        // Not an error: evaluate() then searches the completions (same answers, much slower).
        println!("cargo:warning=the decision diagrams of {DATASET} were not built (beyond the builder's bounds); evaluate() will search instead");
    }
    std::fs::write(out.join("domains.rs"), domains.code()).expect("write domains.rs");
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
impl Code for u8 {
    fn code(&self) -> String {
        format!("{self}u8")
    }
}
impl Code for u64 {
    fn code(&self) -> String {
        format!("{self}u64")
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
    vocab::Field,
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
    Dataset { format, version, as_of, checked, stale_after_months, authority, unknowns, sources, indications, jurisdictions, notes, definitions }
    Text { sv, nb, en }
    Source { id, publisher, title, date, lang, url, quotes }
    Quote { id, text }
    Cite { source, quote }
    Indication { id, name, approved, amended, cite, also_cite, criteria }
    JurisdictionData { id, name, authority, url, recommendations, rules, notes }
    Recommendation { id, decided_by, case, title, status, date, scope, conditions, cite, also_cite }
    Rule { indications, when, verdict, basis, reason, qualifier }
    Note { id, indications, when, text, cite, also_cite }
    Definition { id, fields, hint, text, cite }
);

impl Code for vocab::FieldSet {
    fn code(&self) -> String {
        format!("crate::vocab::FieldSet::from_bits({}u32)", self.bits())
    }
}

impl Code for patient::Value {
    fn code(&self) -> String {
        use patient::Value::*;
        let (name, arg) = match self {
            Jurisdiction(v) => ("Jurisdiction", v.code()),
            Diagnosis(v) => ("Diagnosis", v.code()),
            Cd19(v) => ("Cd19", v.code()),
            Philadelphia(v) => ("Philadelphia", v.code()),
            DiseaseStatus(v) => ("DiseaseStatus", v.code()),
            Number(v) => ("Number", v.code()),
            Count(v) => ("Count", v.code()),
            Flag(v) => ("Flag", v.code()),
        };
        format!("crate::patient::Value::{name}({arg})")
    }
}

impl Code for diagrams::Node {
    fn code(&self) -> String {
        format!("crate::diagrams::Node {{ level: {}, value: {}, first: {} }}", self.level.code(), self.value.code(), self.first.code())
    }
}

impl Code for diagrams::Diagrams {
    fn code(&self) -> String {
        let mut s = String::from("crate::diagrams::Diagrams {");
        s += &format!(" order: {},", self.order.code());
        s += &format!(" width: {},", self.width.code());
        s += &format!(" nodes: {},", self.nodes.code());
        s += &format!(" kids: {},", self.kids.code());
        s += &format!(" support: {},", self.support.code());
        s += &format!(" image: {},", self.image.code());
        s += &format!(" verdict: {},", self.verdict.code());
        s += &format!(" on_label: {},", self.on_label.code());
        s += &format!(" indications: {},", self.indications.code());
        s += &format!(" criteria: {},", self.criteria.code());
        s += &format!(" fields: {},", self.fields.code());
        s += &format!(" atoms: {},", self.atoms.code());
        s += &format!(" answers: {},", self.answers.code());
        s + " }"
    }
}

impl Code for checker::Domains {
    fn code(&self) -> String {
        format!("crate::checker::Domains {{ values: {}, diagrams: {} }}", self.values.code(), self.diagrams.code())
    }
}

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
