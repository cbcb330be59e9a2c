//! The decision table's English: criteria in words, shared by the table (`main.rs`) and the
//! change report (`diff.rs`), so both say the same thing the same way.

use blincyto_checker::vocab::{Cd19, Criterion, Diagnosis, Philadelphia};

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

pub fn years(n: u32) -> String {
    if n == 1 { "1 year".into() } else { format!("{n} years") }
}

/// A criterion in English words. `top`: not nested inside any-of/all-of (no parentheses needed).
pub fn words(c: &Criterion, top: bool) -> String {
    use Criterion as C;
    let flag = |b: bool, yes: &str, no: &str| if b { yes.to_string() } else { no.to_string() };
    match c {
        C::Monotherapy(b) => flag(*b, "monotherapy", "combination therapy"),
        C::Diagnosis(Diagnosis::BPrecursorAll) => "B-cell precursor ALL".into(),
        C::Diagnosis(Diagnosis::TAll) => "T-cell ALL".into(),
        C::Diagnosis(Diagnosis::Other) => "another leukaemia".into(),
        C::Cd19(Cd19::Positive) => "CD19-positive".into(),
        C::Cd19(Cd19::Negative) => "CD19-negative".into(),
        C::Philadelphia(Philadelphia::Negative) => "Philadelphia-negative".into(),
        C::Philadelphia(Philadelphia::Positive) => "Philadelphia-positive".into(),
        C::AgeAtLeastMonths(m) => format!("aged {m} month{} or older", if *m == 1 { "" } else { "s" }),
        C::AgeAtLeastYears(y) => format!("aged {} or older", years(*y)),
        C::AgeUnderYears(y) => format!("younger than {}", years(*y)),
        C::NewlyDiagnosed(b) => flag(*b, "newly diagnosed", "not newly diagnosed"),
        C::ActiveRelapsedRefractory(b) => flag(
            *b,
            "active relapsed or refractory disease (refractory, or relapsed and not in remission)",
            "no active relapsed or refractory disease",
        ),
        C::ActiveRelapseAfterAlloHsct(b) => flag(
            *b,
            "in relapse (not in remission) after an allogeneic stem cell transplant",
            "not in relapse after an allogeneic stem cell transplant",
        ),
        C::CompleteRemission(ns) => {
            let names: Vec<String> = ns.iter().map(|n| ordinal(*n)).collect();
            let short: Vec<String> = ns.iter().map(|n| format!("CR{n}")).collect();
            format!("in {} complete remission ({})", names.join(" or "), short.join(" or "))
        }
        C::MrdAtLeastPercent(p) => format!("MRD ≥ {p} %"),
        C::Consolidation(b) => flag(*b, "as part of consolidation therapy", "not as part of consolidation therapy"),
        C::HighRiskFirstRelapse(b) => flag(*b, "high-risk first relapse", "no high-risk first relapse"),
        C::PriorTherapyLinesAtLeast(n) => format!("at least {n} prior treatment{}", if *n == 1 { "" } else { "s" }),
        C::TkiFailuresAtLeast(n) => format!("failure of at least {n} TKI{}", if *n == 1 { "" } else { "s" }),
        C::OtherOptionsAvailable(b) => flag(*b, "alternative treatment options remain", "no alternative treatment options"),
        C::PlannedAlloHsct(b) => flag(
            *b,
            "bridging to a planned allogeneic stem cell transplant",
            "no allogeneic stem cell transplant planned",
        ),
        C::AllOf(parts) => {
            let text = parts.iter().map(|c| words(c, false)).collect::<Vec<_>>().join(" and ");
            if top { text } else { format!("({text})") }
        }
        C::AnyOf(parts) => {
            let text = parts.iter().map(|c| words(c, false)).collect::<Vec<_>>().join(", or ");
            if top { format!("either {text}") } else { format!("(either {text})") }
        }
    }
}
