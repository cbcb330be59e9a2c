//! The decision dataset, compiled in: `build.rs` has validated `data/blincyto.toml` and written
//! it out as Rust, with the representative values and decision diagrams computed from it, so
//! nothing is parsed or built at run time.

use crate::checker::Domains;
use crate::dataset::Dataset;

/// The dataset: static data, no start-up work.
pub fn dataset() -> &'static Dataset {
    static DATASET: Dataset = include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
    &DATASET
}

/// The representative values of each field under the dataset's thresholds, and the dataset's
/// decision diagrams: computed by `build.rs` ([`Domains::of`]), static data here.
pub fn domains() -> &'static Domains {
    static DOMAINS: Domains = include!(concat!(env!("OUT_DIR"), "/domains.rs"));
    &DOMAINS
}
