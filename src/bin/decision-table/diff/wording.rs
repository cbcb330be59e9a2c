//! A cube of patients in the decision table's English: the widget's own wording of criteria
//! and values ([`crate::words`], `blincyto_checker::i18n`), numbers as intervals, the episode as
//! remission numbers.

use blincyto_checker::i18n::{self, percent};
use blincyto_checker::patient::Value;
use blincyto_checker::vocab::{Criterion, DiseaseStatus, Field, Lang};
use blincyto_model::domains::Domains;

use super::grid::{Axis, Cube, Dim, Episode, Grid};
use super::groups::Group;
use crate::words::{ordinal, words};

impl Group<'_> {
    /// A cube in clinical English: who ("adults", "children ≥ 1 year"), then every constrained
    /// axis.
    pub(super) fn words(&self, cube: &Cube) -> String {
        let grid = self.grid;
        let age_dim = grid.dims.iter().position(|d| matches!(d.axis, Axis::Field(Field::AgeYears)));
        let mut who = "patients".to_string();
        let mut said_age = false;
        if let Some(a) = age_dim {
            let ages = grid.dom.values(Field::AgeYears);
            let used = &self.used(cube)[a];
            let bounds: Vec<(f64, Option<f64>)> =
                (0..ages.len()).filter(|v| used[*v]).map(|v| (number(ages[v]), ages.get(v + 1).map(|x| number(*x)))).collect();
            // Adults and children as the datasets' indications divide them (both at the same age).
            let adult = grid.adult_years;
            let adults = !bounds.is_empty() && adult.is_some_and(|y| bounds.iter().all(|(lo, _)| *lo >= y));
            let children = !bounds.is_empty() && adult.is_some_and(|y| bounds.iter().all(|(_, hi)| hi.is_some_and(|h| h <= y)));
            if adults {
                who = "adults".into();
            } else if children {
                who = "children".into();
            }
            if cube[a].iter().any(|b| !b) {
                let range = axis_words(grid, a, &cube[a]);
                // "adults ≥ 18 years" would say it twice: the noun is exact on its own.
                let at = adult.map(age).unwrap_or_default();
                let said_by_noun = (adults && range == format!("≥ {at}")) || (children && range == format!("< {at}"));
                if !said_by_noun {
                    who = format!("{who} {range}");
                }
                said_age = true;
            }
        }
        // Order: the disease, the episode, MRD, then the rest in the contract's order.
        let rank = |d: &Dim| match d.axis {
            Axis::Field(Field::Diagnosis | Field::Cd19 | Field::Philadelphia) => 0,
            Axis::Episode(_) | Axis::Field(Field::DiseaseStatus | Field::RelapseNumber | Field::InRemission) => 1,
            Axis::Field(Field::MrdPercent) => 2,
            _ => 3,
        };
        let mut order: Vec<usize> = (1..grid.dims.len()).filter(|d| Some(*d) != age_dim).collect();
        order.sort_by_key(|d| rank(&grid.dims[*d]));
        let parts: Vec<String> = order.into_iter().filter(|d| cube[*d].iter().any(|b| !b)).map(|d| axis_words(grid, d, &cube[d])).collect();
        if parts.is_empty() && !said_age {
            return if who == "patients" { "every patient on the indication".into() } else { format!("all {who} on the indication") };
        }
        let mut text = who;
        for (k, p) in parts.iter().enumerate() {
            let joins_plainly = p.starts_with("with ") || (k == 0 && p.starts_with("in "));
            text.push_str(if joins_plainly { " " } else { ", " });
            text.push_str(p);
        }
        text
    }
}

pub(super) fn number(v: Value) -> f64 {
    match v {
        Value::Number(x) => x,
        Value::Count(n) => f64::from(n),
        _ => f64::NAN,
    }
}

/// One axis's values in words.
pub(super) fn axis_words(grid: &Grid, d: usize, set: &[bool]) -> String {
    match &grid.dims[d].axis {
        Axis::Episode(episodes) => episode_words(episodes, set),
        Axis::Field(f) => field_words(&grid.dom, *f, set),
    }
}

/// A field's values in words: numbers as intervals, the rest value by value in the decision
/// table's wording where it has one.
pub(super) fn field_words(dom: &Domains, f: Field, set: &[bool]) -> String {
    let reps = dom.values(f);
    if f.is_numeric() {
        // Runs of contiguous values, each an interval [lo, next rep).
        let mut runs = Vec::new();
        let mut v = 0;
        while v < reps.len() {
            if !set[v] {
                v += 1;
                continue;
            }
            let start = v;
            while v + 1 < reps.len() && set[v + 1] {
                v += 1;
            }
            let lo = (start > 0).then(|| number(reps[start]));
            let hi = reps.get(v + 1).map(|x| number(*x));
            runs.push(interval_words(f, lo, hi));
            v += 1;
        }
        return runs.join(" or ");
    }
    let names: Vec<String> = (0..reps.len()).filter(|v| set[*v]).map(|v| value_words(f, reps[v])).collect();
    names.join(" or ")
}

/// `[lo, hi)` of a numeric field in words (`None`: unbounded on that side).
pub(super) fn interval_words(f: Field, lo: Option<f64>, hi: Option<f64>) -> String {
    let count = |n: f64| n as u32;
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match f {
        Field::AgeYears => match (lo, hi) {
            (Some(l), Some(h)) => format!("{} to < {}", age(l), age(h)),
            (Some(l), None) => format!("≥ {}", age(l)),
            (None, Some(h)) => format!("< {}", age(h)),
            (None, None) => "of any age".into(),
        },
        Field::MrdPercent => match (lo, hi) {
            (Some(l), Some(h)) => format!("with MRD {} to < {}", percent(Lang::En, l), percent(Lang::En, h)),
            (Some(l), None) => format!("with {}", words(&Criterion::MrdAtLeastPercent(l), true)),
            (None, Some(h)) => format!("with MRD < {}", percent(Lang::En, h)),
            (None, None) => "with any MRD".into(),
        },
        Field::PriorTherapyLines => match (lo.map(count), hi.map(count)) {
            (l, Some(h)) if l.unwrap_or(0) + 1 == h => format!("exactly {}", plural(h - 1, "prior treatment", "prior treatments")),
            (Some(l), Some(h)) => format!("{l} to {} prior treatments", h - 1),
            (Some(l), None) => words(&Criterion::PriorTherapyLinesAtLeast(l), true),
            (None, Some(h)) => format!("fewer than {}", plural(h, "prior treatment", "prior treatments")),
            (None, None) => "any number of prior treatments".into(),
        },
        Field::TkiFailures => match (lo.map(count), hi.map(count)) {
            (l, Some(h)) if l.unwrap_or(0) + 1 == h => format!("failure of exactly {}", plural(h - 1, "TKI", "TKIs")),
            (Some(l), Some(h)) => format!("failure of {l} to {} TKIs", h - 1),
            (Some(l), None) => words(&Criterion::TkiFailuresAtLeast(l), true),
            (None, Some(h)) => format!("failure of fewer than {}", plural(h, "TKI", "TKIs")),
            (None, None) => "any number of failed TKIs".into(),
        },
        // Relapse numbers start at 1: the lowest value is a bound too.
        Field::RelapseNumber => match (lo.map(count).unwrap_or(1), hi.map(count)) {
            (l, Some(h)) if l + 1 == h => format!("relapse number {l}"),
            (l, Some(h)) => format!("relapse number {l} to {}", h - 1),
            (l, None) => format!("relapse number {l} or higher"),
        },
        _ => unreachable!("{f} is not numeric"),
    }
}

/// An age in the widget's English ("1 month", "1 year", "18 years"), spaces plain.
pub(super) fn age(years: f64) -> String {
    i18n::age(Lang::En, years).replace('\u{a0}', " ")
}

/// One value of a non-numeric field in words.
pub(super) fn value_words(f: Field, v: Value) -> String {
    use Criterion as C;
    let criterion = match (f, v) {
        (Field::Diagnosis, Value::Diagnosis(x)) => C::Diagnosis(x),
        (Field::Cd19, Value::Cd19(x)) => C::Cd19(x),
        (Field::Philadelphia, Value::Philadelphia(x)) => C::Philadelphia(x),
        (Field::Consolidation, Value::Flag(b)) => C::Consolidation(b),
        (Field::OtherOptionsAvailable, Value::Flag(b)) => C::OtherOptionsAvailable(b),
        (Field::PlannedAlloHsct, Value::Flag(b)) => C::PlannedAlloHsct(b),
        (Field::Monotherapy, Value::Flag(b)) => C::Monotherapy(b),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::NewlyDiagnosed)) => C::NewlyDiagnosed(true),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Relapsed)) => return "relapsed".into(),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Refractory)) => return "refractory".into(),
        (Field::InRemission, Value::Flag(b)) => {
            return if b { "in complete remission" } else { "not in remission" }.into();
        }
        (Field::HighRiskRelapse, Value::Flag(b)) => {
            return if b { "relapse classified high-risk" } else { "relapse not classified high-risk" }.into();
        }
        (Field::PriorAlloHsct, Value::Flag(b)) => {
            return if b { "after an allogeneic stem cell transplant" } else { "no prior allogeneic stem cell transplant" }.into();
        }
        (f, v) => return format!("{f} = {}", v.to_contract_string()),
    };
    words(&criterion, true)
}

/// A set of episodes in words: the remission numbers where it can ("in second complete
/// remission (CR2)"), the decision table's wording for the usual groups ("newly diagnosed",
/// "active relapsed or refractory disease").
pub(super) fn episode_words(episodes: &[Episode], set: &[bool]) -> String {
    let mut rest: Vec<Episode> = (0..episodes.len()).filter(|i| set[*i]).map(|i| episodes[i]).collect();
    let mut phrases: Vec<String> = Vec::new();
    let mut take = |rest: &mut Vec<Episode>, group: Vec<Episode>, phrase: String| {
        if group.len() > 1 && group.iter().all(|e| rest.contains(e)) {
            rest.retain(|e| !group.contains(e));
            phrases.push(phrase);
        }
    };
    let new_all: Vec<Episode> = episodes.iter().copied().filter(|e| matches!(e, Episode::New { .. })).collect();
    take(&mut rest, new_all, words(&Criterion::NewlyDiagnosed(true), true));
    let relapsed_all: Vec<Episode> = episodes.iter().copied().filter(|e| matches!(e, Episode::Relapse { .. })).collect();
    take(&mut rest, relapsed_all, "relapsed".into());
    let active: Vec<Episode> = episodes
        .iter()
        .copied()
        .filter(|e| matches!(e, Episode::Relapse { remission: false, .. } | Episode::Refractory))
        .collect();
    take(&mut rest, active, words(&Criterion::ActiveRelapsedRefractory(true), true));
    let in_relapse: Vec<Episode> = episodes.iter().copied().filter(|e| matches!(e, Episode::Relapse { remission: false, .. })).collect();
    take(&mut rest, in_relapse, "in relapse, not in remission".into());

    // Remissions, by number.
    let remissions: Vec<(u32, bool)> = rest
        .iter()
        .filter_map(|e| match e {
            Episode::New { remission: true } => Some((1, false)),
            Episode::Relapse { relapse, open, remission: true } => Some((relapse + 1, *open)),
            _ => None,
        })
        .collect();
    if !remissions.is_empty() {
        let all_remissions = episodes.iter().filter(|e| matches!(e, Episode::New { remission: true } | Episode::Relapse { remission: true, .. })).count();
        phrases.push(if remissions.len() == all_remissions && all_remissions > 1 {
            "in complete remission (any)".into()
        } else if remissions.iter().all(|(_, open)| !open) {
            words(&Criterion::CompleteRemission(remissions.iter().map(|(n, _)| *n).collect::<Vec<_>>().into()), true)
        } else {
            let later = |open: bool| if open { " or later" } else { "" };
            let long: Vec<String> = remissions.iter().map(|(n, open)| format!("{}{}", ordinal(*n), later(*open))).collect();
            let short: Vec<String> = remissions.iter().map(|(n, open)| format!("CR{n}{}", later(*open))).collect();
            format!("in {} complete remission ({})", long.join(" or "), short.join(" or "))
        });
        rest.retain(|e| !matches!(e, Episode::New { remission: true } | Episode::Relapse { remission: true, .. }));
    }
    for e in rest {
        phrases.push(match e {
            Episode::New { .. } => "newly diagnosed, not in remission".into(),
            Episode::Relapse { relapse, open, .. } => {
                format!("in {}{} relapse, not in remission", ordinal(relapse), if open { " or later" } else { "" })
            }
            Episode::Refractory => "refractory".into(),
        });
    }
    match phrases.len() {
        1 => phrases.remove(0),
        _ => format!("either {}", phrases.join(", or ")),
    }
}
