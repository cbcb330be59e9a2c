//! Decision diagrams: the exact answers of `crate::assessment::evaluate` without searching the
//! completions one by one. Built once from the dataset by [`Diagrams::of`] (at build time, by
//! `build.rs`, as part of validation) over the representative values of [`crate::domains`], and
//! read per patient by `Query`. Imports the layers below it: vocabulary, patient, dataset types,
//! evaluation, representative values.
//!
//! By job: this file holds the diagrams' data and the notes on how they work; `build.rs` builds
//! them ([`Diagrams::of`]); `place.rs` places a patient's typed numbers on the representative
//! values they stand for, and proves at build time that every number can be placed; `query.rs`
//! answers about one patient's completions.

mod build;
mod place;
mod query;

use crate::domains::Domains;
use crate::vocab::{Criterion, Field, FieldSet, List};

use place::Known;
pub(crate) use query::Query;

// ------------------------------------------------------------------------------------------------
// Decision diagrams: the exact answers of `evaluate` without searching the completions one by one.
//
// Over the representative values the dataset's decision is a function of finitely many fields.
// [`Diagrams`] holds it, and each criterion, as *reduced ordered decision diagrams* (one child per
// representative value, fields always tested in the same order, no node whose children are all
// the same, no two nodes alike), built once from the dataset. Such a diagram is canonical: two
// nodes are the same function exactly when they are the same node, and a function depends on a
// field exactly when a node of its diagram tests that field. So for a partial patient:
// - the verdicts its completions get are the constants reachable when the known fields follow
//   their value and the unknown ones every value ([`Query::image`]);
// - a criterion is met (not met) in every completion when only `true` (`false`) is reachable;
// - the fields in `missing` — those where two completions differing in that field alone get
//   different verdicts — are the fields the verdict still depends on once the known values are
//   put in: the fields tested in the reduced diagram of that restricted function
//   ([`Query::restrict`], [`Query::essential`]).
// These are the very definitions the completion search computes (`crate::search`, behind the
// feature `search`: the tests' oracle, not shipped): `possible_verdicts` collects the verdicts of
// the completions, `check_exact` whether a criterion holds in all, none or some of them, and
// `is_relevant` whether two completions differing in one field alone get different verdicts. (The
// search stops a branch early only where every completion of it agrees: `tests/sweep.rs` checks
// the criteria's early answers exhaustively, and a route decided before its earlier rules are
// rests on the rule coverage validation proves.) The diagrams read the completions' verdicts off
// `verdict_by`, the same code `verdict` uses, so the answers are the same; `tests/diagrams.rs`
// compares the two ways on every partial input made from several patients and on random ones.
//
// Known numbers that are not representative values (8 years, MRD 0.5 %) are placed on the
// representative value they provably stand for ([`Diagrams::read`]). That every number the strict
// reading accepts has one is proved when the diagrams are built ([`Diagrams::prove_reading`]): a
// dataset where it fails (two thresholds closer together than the 1e-9 tolerance, so that some
// numbers between them answer like no representative value) fails validation, and the build. So
// `evaluate` reads the diagrams only, and has no search to fall back on; a value outside the
// contract that no representative value stands for (NaN years) is read as not given.
// `tests/diagrams.rs` compares the diagrams with the search at every point where a criterion's
// answer changes, one double either side, and within the tolerance of every threshold. Cost: built in about 0.1–0.4 ms
// natively (221 nodes, ~10 KB for the current dataset); `evaluate` on a partial patient takes
// about a microsecond.
// ------------------------------------------------------------------------------------------------

/// The `level` of a constant (terminal) node: below every field.
const TERMINAL: u8 = u8::MAX;
/// A field with no known value, in [`Known::class`].
const ABSENT: u8 = u8::MAX;
/// The most fields the diagrams handle (there are 17).
const MAX_FIELDS: usize = 32;
/// Bounds the work and memory of [`Diagrams::build`] for any dataset: past this many entries in
/// one of its tables the diagrams are not built, and the dataset fails validation. The current
/// dataset needs at most 221 (its nodes).
const MAX_ENTRIES: usize = 4096;

/// A node: a test of the field at `level`, with one child per representative value of the
/// field, or (at level `TERMINAL`) a constant `value`.
///
/// Its fields, like those of [`Diagrams`], are public only for the code `build.rs` writes.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::diagrams))]
pub struct Node {
    #[doc(hidden)]
    pub level: u8,
    /// A constant's value: a truth value (0, 1) in a criterion's diagram, a [`Verdict`] in the
    /// verdict's, the index of a representative value in the jurisdiction's.
    #[doc(hidden)]
    pub value: u8,
    /// Index of the node's first child in [`Diagrams::kids`].
    #[doc(hidden)]
    pub first: u32,
}

/// The dataset's verdict and criteria as reduced ordered decision diagrams over the
/// representative values. See the comment above for how `evaluate` reads them, and why exactly.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::diagrams))]
pub struct Diagrams {
    /// The representative values the diagrams are over.
    #[doc(hidden)]
    pub domains: Domains,
    /// The fields from the top of the diagrams down: `monotherapy` (known in most queries: absent
    /// means `true` in Ph-negative disease), then the form's order. A form filled from the top thus leaves the known fields
    /// above the unknown ones, and the diagram below the deepest known field is used as it is.
    #[doc(hidden)]
    pub order: List<Field>,
    /// The number of representative values of the field at each level.
    #[doc(hidden)]
    pub width: List<u8>,
    /// Every node of every diagram, children before parents; the diagrams share their parts.
    #[doc(hidden)]
    pub nodes: List<Node>,
    #[doc(hidden)]
    pub kids: List<u32>,
    /// Per node: the fields its function depends on (those tested below it).
    #[doc(hidden)]
    pub support: List<FieldSet>,
    /// Per node: the values its function takes, one bit per constant value.
    #[doc(hidden)]
    pub image: List<u32>,
    /// The verdict of a complete patient.
    #[doc(hidden)]
    pub verdict: u32,
    /// On some indication (any indication's criteria all met).
    #[doc(hidden)]
    pub on_label: u32,
    /// Per indication of the dataset (in its order): its criteria all met; and each criterion.
    #[doc(hidden)]
    pub indications: List<u32>,
    #[doc(hidden)]
    pub criteria: List<List<u32>>,
    /// The fields each criterion of each indication reads
    /// ([`CriterionCheck::fields`](crate::assessment::CriterionCheck::fields)).
    #[doc(hidden)]
    pub fields: List<List<FieldSet>>,
    /// Per field (by `Field as usize`): the distinct elementary criteria (no all-of / any-of) of
    /// indications and rules that read it, to place a given number that is not a representative
    /// value (`Diagrams::read`).
    #[doc(hidden)]
    pub atoms: List<List<Criterion>>,
    /// Per field whose elementary criteria read no other field (at most 64 of them): the
    /// answers of those criteria on each representative value, one bit each. A shortcut of
    /// `Diagrams::stands_for` for ages, MRD and counts.
    #[doc(hidden)]
    pub answers: List<Option<List<u64>>>,
}

impl Diagrams {
    /// The representative values the diagrams are over.
    pub fn domains(&self) -> &Domains {
        &self.domains
    }

    /// The number of indications the diagrams were built for (those of their dataset).
    pub fn indication_count(&self) -> usize {
        self.indications.len()
    }

    /// The number of nodes of all the diagrams together.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    fn kid(&self, n: u32, i: u8) -> u32 {
        self.kids[self.nodes[n as usize].first as usize + usize::from(i)]
    }
}

/// A table from node lists to node numbers, kept sorted: the few hundred entries the diagrams
/// need are found by binary search, with little code (this also runs in the browser).
#[derive(Default)]
struct Table(Vec<(Vec<u32>, u32)>);

impl Table {
    fn get(&self, key: &[u32]) -> Option<u32> {
        self.0.binary_search_by(|(k, _)| k.as_slice().cmp(key)).ok().map(|i| self.0[i].1)
    }

    fn insert(&mut self, key: Vec<u32>, value: u32) {
        if let Err(i) = self.0.binary_search_by(|(k, _)| k.as_slice().cmp(&key)) {
            self.0.insert(i, (key, value));
        }
    }

    /// Adds an entry unless the table is full ([`MAX_ENTRIES`]: then `None`).
    fn insert_bounded(&mut self, key: Vec<u32>, value: u32) -> Option<()> {
        (self.0.len() < MAX_ENTRIES).then(|| self.insert(key, value))
    }
}

