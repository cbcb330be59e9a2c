//! The decision dataset, compiled in: `build.rs` has validated `data/blincyto.toml` and written
//! it out as Rust, with the representative values and decision diagrams computed from it, so
//! nothing is parsed or built at run time.

use blincyto_model::dataset::Dataset;
use blincyto_model::diagrams::Diagrams;
use blincyto_model::domains::Domains;

/// The dataset: static data, no start-up work.
pub fn dataset() -> &'static Dataset {
    static DATASET: Dataset = include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
    &DATASET
}

/// The dataset's decision diagrams over its representative values: computed by `build.rs`
/// ([`Diagrams::of`]), static data here.
pub fn diagrams() -> &'static Diagrams {
    static DIAGRAMS: Diagrams = include!(concat!(env!("OUT_DIR"), "/diagrams.rs"));
    &DIAGRAMS
}

/// The representative values of each field under the dataset's thresholds (those of
/// [`diagrams`]).
pub fn domains() -> &'static Domains {
    diagrams().domains()
}
