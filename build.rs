//! Reads `data/blincyto.toml`, validates it with the model (`blincyto_model::validate`, which
//! also builds the decision diagrams) and writes it out as Rust: `$OUT_DIR/dataset.rs` (the
//! dataset) and `$OUT_DIR/diagrams.rs` (its decision diagrams over its representative values),
//! the static values `src/data.rs` includes.
//!
//! A bad dataset fails the build here, with messages that name the entry; so does one whose
//! diagrams cannot be built. The browser bundle never parses TOML nor builds diagrams: it gets
//! both as static Rust values. The `Code` impls below are the only code that knows how the
//! model's values are spelled as Rust; they live here, not in the model, because the root crate
//! is the one that includes what they write.

use blincyto_model::dataset::{
    Cite, Dataset, Definition, Indication, JurisdictionData, Note, Quote, Recommendation, Rule, Source, Text, FORMAT,
};
use blincyto_model::diagrams::{Diagrams, Node};
use blincyto_model::domains::Domains;
use blincyto_model::patient::Value;
use blincyto_model::vocab::{
    Cd19, Criterion, Diagnosis, DiseaseStatus, Field, FieldSet, IndicationId, Jurisdiction, Philadelphia,
    RecommendationStatus, Verdict,
};

const DATASET: &str = "data/blincyto.toml";

fn main() {
    // The model's sources need no line here: cargo reruns a build script whose
    // build-dependencies changed.
    println!("cargo:rerun-if-changed={DATASET}");
    let text = std::fs::read_to_string(DATASET).unwrap_or_else(|e| fail(&[format!("cannot read {DATASET}: {e}")]));
    let data: Dataset = toml::from_str(&text).unwrap_or_else(|e| fail(&[e.to_string()]));
    let diagrams = blincyto_model::validate::validate(&data).unwrap_or_else(|errors| fail(&errors));
    if data.format != FORMAT {
        fail(&[format!("format = {}: the widget compiles in format {FORMAT} (older formats are read only by the change report)", data.format)]);
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("dataset.rs"), data.code()).expect("write dataset.rs");
    // The representative values and the decision diagrams, computed here once instead of in
    // every browser at page load (`data::diagrams`; tests/diagrams.rs checks they are the ones
    // `Diagrams::of` builds at run time).
    std::fs::write(out.join("diagrams.rs"), diagrams.code()).expect("write diagrams.rs");
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
    ($($t:ident),+) => {$(
        impl Code for $t {
            fn code(&self) -> String {
                format!("::blincyto_model::vocab::{}::{self:?}", stringify!($t))
            }
        }
    )+};
}
code_enum!(Field, Jurisdiction, Diagnosis, Cd19, Philadelphia, DiseaseStatus, Verdict, IndicationId, RecommendationStatus);

macro_rules! code_struct {
    ($($t:ident { $($f:ident),+ $(,)? })+) => {$(
        impl Code for $t {
            fn code(&self) -> String {
                let mut s = format!("::blincyto_model::dataset::{} {{", stringify!($t));
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
    Rule { indications, when, verdict, basis, reason, qualifier, qualifier_short }
    Note { id, indications, when, text, cite, also_cite }
    Definition { id, fields, hint, text, cite }
);

impl Code for FieldSet {
    fn code(&self) -> String {
        format!("::blincyto_model::vocab::FieldSet::from_bits({}u32)", self.bits())
    }
}

impl Code for Value {
    fn code(&self) -> String {
        use Value::*;
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
        format!("::blincyto_model::patient::Value::{name}({arg})")
    }
}

impl Code for Node {
    fn code(&self) -> String {
        format!("::blincyto_model::diagrams::Node {{ level: {}, value: {}, first: {} }}", self.level.code(), self.value.code(), self.first.code())
    }
}

impl Code for Diagrams {
    fn code(&self) -> String {
        let mut s = String::from("::blincyto_model::diagrams::Diagrams {");
        s += &format!(" domains: {},", self.domains.code());
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

impl Code for Domains {
    fn code(&self) -> String {
        format!("::blincyto_model::domains::Domains {{ values: {} }}", self.values.code())
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
        format!("::blincyto_model::vocab::Criterion::{name}({arg})")
    }
}
