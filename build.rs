//! Reads `data/blincyto.toml`, validates it with the model (`blincyto_model::validate`, which
//! also builds the decision diagrams) and writes it out as Rust: `$OUT_DIR/dataset.rs` (the
//! dataset) and `$OUT_DIR/diagrams.rs` (its decision diagrams over its representative values),
//! the static values `src/data.rs` includes.
//!
//! A bad dataset fails the build here, with messages that name the entry; so does one whose
//! diagrams cannot be built. The browser bundle never parses TOML nor builds diagrams: it gets
//! both as static Rust values, spelled by the model's own `databake` derives (its feature
//! `bake`, enabled for this script only).
//!
//! It also minifies the widget's stylesheet (`src/browser/components/widget.css`, which keeps its
//! comments for its readers) into `$OUT_DIR/widget.css`, which the bundle ships
//! (`browser::components::CSS`), with the `minifier` crate (rustdoc's).

use blincyto_model::databake::{Bake, CrateEnv};
use blincyto_model::dataset::{Dataset, FORMAT};

const DATASET: &str = "data/blincyto.toml";
const CSS: &str = "src/browser/components/widget.css";

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
    std::fs::write(out.join("dataset.rs"), code(&data)).expect("write dataset.rs");
    // The representative values and the decision diagrams, computed here once instead of in
    // every browser at page load (`data::diagrams`; tests/diagrams.rs checks they are the ones
    // `Diagrams::of` builds at run time).
    std::fs::write(out.join("diagrams.rs"), code(&diagrams)).expect("write diagrams.rs");
    println!("cargo:rerun-if-changed={CSS}");
    let css = std::fs::read_to_string(CSS).unwrap_or_else(|e| panic!("cannot read {CSS}: {e}"));
    let small = minifier::css::minify(&css).unwrap_or_else(|e| panic!("{CSS}: {e}"));
    std::fs::write(out.join("widget.css"), small.to_string()).expect("write widget.css");
}

fn fail(errors: &[String]) -> ! {
    eprintln!("\n{DATASET} is invalid:");
    for e in errors {
        eprintln!("  - {e}");
    }
    eprintln!();
    std::process::exit(1);
}

/// Rust source of a value, from the model's `databake` derives (feature `bake`). The block
/// brings `alloc` into scope for databake's `alloc::borrow::Cow` paths, so `src/data.rs` can
/// include the expression as it is.
fn code<T: Bake>(value: &T) -> String {
    let env = CrateEnv::default();
    format!("{{ extern crate alloc; {} }}", value.bake(&env))
}
