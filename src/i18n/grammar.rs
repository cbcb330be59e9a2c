//! Grammar the language tables share: how a count range, a composite criterion and a small
//! ordinal are put together; each table gives the words.

use crate::vocab::Criterion;

/// Shared by the language files: a count range in words ("färre än 2", "minst 2", "2–3").
pub(crate) fn count_range(
    lo: u32,
    below: Option<u32>,
    fewer_than: fn(u32) -> String,
    at_least: fn(u32) -> String,
) -> String {
    match below {
        None => at_least(lo),
        Some(b) if lo == 0 => fewer_than(b),
        Some(b) if b == lo + 1 => lo.to_string(),
        Some(b) => format!("{lo}–{}", b - 1),
    }
}

/// Shared by the language files: the criteria of a composite, each in words, nested
/// composites in parentheses.
pub(crate) fn join_criteria(parts: &[Criterion], word: fn(&Criterion) -> String, conjunction: &str) -> String {
    parts
        .iter()
        .map(|c| match c {
            Criterion::AllOf(_) | Criterion::AnyOf(_) => format!("({})", word(c)),
            _ => word(c),
        })
        .collect::<Vec<_>>()
        .join(conjunction)
}

/// Shared by the language files: an ordinal word for small numbers.
pub(crate) fn ordinal(n: u32, words: [&'static str; 5], fallback: fn(u32) -> String) -> String {
    match n {
        1..=5 => words[n as usize - 1].into(),
        _ => fallback(n),
    }
}
