//! The decision dataset, compiled in: `build.rs` has validated `data/blincyto.toml` and written
//! it out as Rust, so nothing is parsed at run time.

use std::sync::OnceLock;

use crate::checker::Domains;
use crate::dataset::Dataset;

/// The dataset: static data, no start-up work.
pub fn dataset() -> &'static Dataset {
    static DATASET: Dataset = include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
    &DATASET
}

/// The representative values of each field under the dataset's thresholds.
pub fn domains() -> &'static Domains {
    static DOMAINS: OnceLock<Domains> = OnceLock::new();
    DOMAINS.get_or_init(|| Domains::of(dataset()))
}
