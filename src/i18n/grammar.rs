//! Grammar the language tables share: how a count range, a composite criterion and a small
//! ordinal are put together; each table gives the words.

use crate::patient::Value;
use crate::vocab::{Criterion, RecommendationStatus};

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

/// How a language says a range of numbers ([`number_range`]): "{} eller mer", "under {}",
/// "{} till under {}".
pub(crate) struct RangeWords {
    pub or_more: fn(&str) -> String,
    pub under: fn(&str) -> String,
    pub to_under: fn(&str, &str) -> String,
}

/// A range of numbers in words: `lo` or more when nothing bounds it, under `below` when it
/// starts at nothing, else from `lo` to under `below`. `value` writes a number with its unit;
/// `first` writes `lo` before `below` (an age in whole years drops its unit there: "1 till under
/// 18 år").
pub(crate) fn number_range(lo: f64, below: Option<f64>, words: &RangeWords, value: impl Fn(f64) -> String, first: impl Fn(f64) -> String) -> String {
    match below {
        None => (words.or_more)(&value(lo)),
        Some(b) if lo <= 0.0 => (words.under)(&value(b)),
        Some(b) => (words.to_under)(&first(lo), &value(b)),
    }
}

/// An alternative's exclusive upper bound, as a number (age, MRD) or a count.
pub(crate) fn bounds(below: Option<Value>) -> (Option<f64>, Option<u32>) {
    match below {
        Some(Value::Number(b)) => (Some(b), None),
        Some(Value::Count(b)) => (None, Some(b)),
        _ => (None, None),
    }
}

/// The label before who decided, by the decision's status, from the language's five labels:
/// handled by (under assessment), responsible (no assessment), proposed by (cancellation
/// advised), a recommendation from, decided by. A decision not made, or only advised, is not
/// "decided by".
pub(crate) fn by_status(s: RecommendationStatus, labels: [&'static str; 5]) -> &'static str {
    use RecommendationStatus as S;
    let [handled, responsible, proposed, recommended, decided] = labels;
    match s {
        S::UnderAssessment => handled,
        S::NoAssessment => responsible,
        S::CancellationAdvised => proposed,
        S::Recommended | S::RecommendedWithConditions | S::NotRecommended => recommended,
        S::NotIntroduced | S::IntroducedWithConditions | S::Approved => decided,
    }
}
