//! The decision table's English: criteria in words, shared by the table (`main.rs`) and the
//! change report (`diff.rs`), so both say the same thing the same way, and the same as the
//! widget's English.

use blincyto_checker::i18n::strings;
use blincyto_checker::vocab::{Criterion, Lang};

/// Criteria joined with "and".
pub fn all_of(criteria: &[Criterion]) -> String {
    criteria.iter().map(|c| words(c, true)).collect::<Vec<_>>().join("; ")
}

/// "first", "second", "third", "4th"…
pub fn ordinal(n: u32) -> String {
    match n {
        1 => "first".to_string(),
        2 => "second".to_string(),
        3 => "third".to_string(),
        n => format!("{n}th"),
    }
}

/// A criterion in English words: the widget's own English (`i18n/en.rs`), so the committee
/// reviews the very words a clinician reads. `_top` (not nested inside any-of/all-of) is kept for
/// the callers; the widget's wording brackets nested groups itself.
///
/// The widget keeps a value with its sign and unit by no-break spaces ("MRD ≥\u{a0}0.1%"); the
/// committee's Markdown gets plain spaces, which it does not wrap at anyway.
pub fn words(c: &Criterion, _top: bool) -> String {
    (strings(Lang::En).criterion)(c).replace('\u{a0}', " ")
}
