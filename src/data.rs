//! The decision dataset, compiled in: `build.rs` has validated `data/blincyto.toml` and written
//! it out as Rust, so nothing is parsed at run time.

use std::sync::OnceLock;

use crate::checker::Domains;
use crate::dataset::Dataset;

/// The dataset, built once.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| include!(concat!(env!("OUT_DIR"), "/dataset.rs")))
}

/// The representative values of each field under the dataset's thresholds.
pub fn domains() -> &'static Domains {
    static DOMAINS: OnceLock<Domains> = OnceLock::new();
    DOMAINS.get_or_init(|| Domains::of(dataset()))
}
